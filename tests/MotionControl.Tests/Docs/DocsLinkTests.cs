using System.Text.RegularExpressions;

namespace MotionControl.Tests.Docs;

/// <summary>Every relative link in README.md and docs/**/*.md points at a file or folder that exists.</summary>
public partial class DocsLinkTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocumentationFiles())
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    internal static IEnumerable<string> DocumentationFiles() =>
        new[] { RepositoryPaths.Combine("README.md") }
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("docs"), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_documentation_is_found()
    {
        var files = DocumentationFiles().Select(f => Path.GetFileName(f)).ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("getting-started.md", files);
        Assert.True(files.Count >= 8, string.Join(", ", files));
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_resolve(string relativePath)
    {
        var file = RepositoryPaths.Combine(relativePath.Split('/'));
        var dead = RelativeTargets(File.ReadAllText(file))
            .Where(target => !Exists(Path.GetDirectoryName(file)!, target))
            .ToList();

        Assert.True(dead.Count == 0, $"{relativePath} links to missing files: {string.Join(", ", dead)}");
    }

    [Fact]
    public void A_dead_link_is_detected()
    {
        var targets = RelativeTargets("see [a](docs/missing.md#part) and [b](https://example.com/x) and [c](#anchor)\n[d]: ./nope.md").ToList();
        Assert.Equal(["docs/missing.md", "./nope.md"], targets);
        Assert.False(Exists(RepositoryPaths.Root, "docs/missing.md"));
        Assert.True(Exists(RepositoryPaths.Root, "docs/testing.md"));
        Assert.True(Exists(RepositoryPaths.Root, "docs/"));
    }

    /// <summary>The targets of inline links and images and of reference definitions, without anchors; external and in-page links are skipped.</summary>
    internal static IEnumerable<string> RelativeTargets(string markdown)
    {
        var text = FencedCode().Replace(markdown, string.Empty);
        var targets = InlineLink().Matches(text).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(text).Select(m => m.Groups["target"].Value));
        foreach (var raw in targets)
        {
            var target = raw.Trim().Trim('<', '>');
            if (target.Length == 0 || target.StartsWith('#') || Scheme().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            yield return Uri.UnescapeDataString(hash >= 0 ? target[..hash] : target);
        }
    }

    private static bool Exists(string fromDirectory, string target)
    {
        var path = target.StartsWith('/') ? RepositoryPaths.Combine(target.TrimStart('/')) : Path.Combine(fromDirectory, target);
        return File.Exists(path) || Directory.Exists(path);
    }

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s*\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
