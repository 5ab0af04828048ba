namespace MotionControl.Tests.Docs;

/// <summary>
/// A docs page section generated from code, between two marker comments: checked against what the code renders, and
/// rewritten instead when the tests run with <c>MC_UPDATE_DOCS=1</c>.
/// </summary>
internal static class GeneratedDocSection
{
    /// <summary>Asserts that the section of <paramref name="relativePath"/> between the markers is <paramref name="expected"/> (or refreshes it).</summary>
    public static void AssertCurrent(string relativePath, string begin, string end, string expected)
    {
        var path = RepositoryPaths.Combine(relativePath.Split('/'));
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = page.IndexOf(begin, StringComparison.Ordinal);
        var stop = page.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"{relativePath} lacks the generated-table markers");

        var actual = page[(start + begin.Length)..stop].Trim('\n') + "\n";
        if (actual != expected && Environment.GetEnvironmentVariable("MC_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, page[..(start + begin.Length)] + "\n" + expected + page[stop..]);
            return;
        }

        Assert.Equal(expected, actual);
    }
}
