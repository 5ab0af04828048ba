namespace MotionControl.Tests.Docs;

/// <summary>
/// The C# blocks of README.md and the docs pages below are copies of the snippets in samples/Snippets, which CI
/// compiles: a block that is not found there has drifted from code that builds.
/// </summary>
public class DocsSnippetTests
{
    // docs/testing.md is not listed: its blocks are fragments (expressions, partial setups) rather than whole snippets.
    public static TheoryData<string> Pages() => new()
    {
        "README.md", "docs/getting-started.md", "docs/configuration.md", "docs/validation-rules.md",
        "docs/vendors/kling.md", "docs/vendors/powertokens.md", "docs/vendors/modelslab.md", "docs/vendors/aimlapi.md", "docs/vendors/vydra.md", "docs/vendors/replicate.md",
        "docs/vendors/fal.md", "docs/webhooks.md", "docs/jobs.md", "docs/jobs-postgresql.md",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_is_a_compiled_snippet(string page)
    {
        var snippets = Normalize(string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Combine("samples", "Snippets"), "*.cs").Select(File.ReadAllText)));
        var blocks = CSharpBlocks(File.ReadAllText(RepositoryPaths.Combine(page.Split('/')))).ToList();

        Assert.NotEmpty(blocks);
        var drifted = blocks.Where(block => !snippets.Contains(Normalize(block), StringComparison.Ordinal)).ToList();
        Assert.True(drifted.Count == 0, $"{page} has C# not found in samples/Snippets:\n{string.Join("\n---\n", drifted)}");
    }

    private static IEnumerable<string> CSharpBlocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var block = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                block.Add(lines[i]);
            }

            yield return string.Join('\n', block);
        }
    }

    /// <summary>Each line trimmed (indentation differs between a page and a method body), blank lines and using directives dropped.</summary>
    private static string Normalize(string code) =>
        string.Join('\n', code.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !IsUsingDirective(l)));

    // Pages show their using directives; the snippet file has them once at the top.
    private static bool IsUsingDirective(string line) =>
        line.StartsWith("using ", StringComparison.Ordinal) && line.EndsWith(';') && !line.Contains('=') && !line.Contains('(');
}
