namespace QuickStart;

/// <summary>
/// Shows download progress on one console line. Reports arrive synchronously on the downloading thread
/// (unlike <see cref="Progress{T}"/>, which posts them to the thread pool and may show them out of order).
/// </summary>
internal sealed class ConsoleProgress : IProgress<long>
{
    private long _lastShown = -1;

    public void Report(long value)
    {
        if (_lastShown < 0 || value - _lastShown >= 256 * 1024)
        {
            _lastShown = value;
            Console.Write($"\r  {value:N0} bytes");
        }
    }

    public void Finish(long total) => Console.WriteLine($"\r  {total:N0} bytes");
}
