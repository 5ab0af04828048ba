namespace QuickStart;

/// <summary>
/// Shows download progress on one console line (one line per update when the output is redirected). Reports arrive synchronously on the downloading thread
/// (unlike <see cref="Progress{T}"/>, which posts them to the thread pool and may show them out of order).
/// </summary>
internal sealed class ConsoleProgress : IProgress<long>
{
    // Rewriting one line with '\r' only works on a terminal; piped into a file or a CI log it leaves the counts run
    // together on one line, so there each update gets its own line, and fewer of them.
    private readonly bool _terminal = !Console.IsOutputRedirected;
    private long _lastShown = -1;

    public void Report(long value)
    {
        var step = _terminal ? 256 * 1024 : 4 * 1024 * 1024;
        if (_lastShown < 0 || value - _lastShown >= step)
        {
            _lastShown = value;
            Write($"  {value:N0} bytes", newLine: !_terminal);
        }
    }

    public void Finish(long total)
    {
        if (_terminal || total != _lastShown)
        {
            Write($"  {total:N0} bytes", newLine: true);
        }
    }

    private void Write(string text, bool newLine)
    {
        if (_terminal)
        {
            Console.Write('\r');
        }

        if (newLine)
        {
            Console.WriteLine(text);
        }
        else
        {
            Console.Write(text);
        }
    }
}
