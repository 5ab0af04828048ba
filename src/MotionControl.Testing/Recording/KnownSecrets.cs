#if NET9_0_OR_GREATER
using System.Buffers;
#endif
using System.Text;

namespace MotionControl.Testing;

/// <summary>
/// The keys of every account, masked wherever they occur in a logged request (headers, path, query, body), so a key
/// sent somewhere unexpected (another header, the query, a body field) still never reaches the log.
/// </summary>
internal sealed class KnownSecrets
{
    // Longest first, so a key that contains another key is masked whole.
    private readonly string[] _secrets;
#if NET9_0_OR_GREATER
    private readonly SearchValues<string>? _search;
#endif

    public KnownSecrets(IEnumerable<string> secrets)
    {
        _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
#if NET9_0_OR_GREATER
        _search = _secrets.Length > 0 ? SearchValues.Create(_secrets, StringComparison.Ordinal) : null;
#endif
    }

    /// <summary>Replaces every occurrence of a key with <see cref="SecretRedactor.Mask"/>; returns the same string when there is none.</summary>
    public string Redact(string text)
    {
        int first = IndexOfAny(text, 0);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int position = 0;
        for (int index = first; index >= 0; index = IndexOfAny(text, position))
        {
            string secret = Array.Find(_secrets, s => text.AsSpan(index).StartsWith(s, StringComparison.Ordinal))!;
            builder.Append(text, position, index - position).Append(SecretRedactor.Mask);
            position = index + secret.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private int IndexOfAny(string text, int start)
    {
        if (_secrets.Length == 0 || start >= text.Length)
        {
            return -1;
        }

#if NET9_0_OR_GREATER
        int found = text.AsSpan(start).IndexOfAny(_search!);
        return found < 0 ? -1 : start + found;
#else
        int best = -1;
        foreach (string secret in _secrets)
        {
            int found = text.IndexOf(secret, start, StringComparison.Ordinal);
            if (found >= 0 && (best < 0 || found < best))
            {
                best = found;
            }
        }

        return best;
#endif
    }
}
