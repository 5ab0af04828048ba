using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotionControl.Cli.Connection;
using MotionControl.Cli.Output;
using MotionControl.DependencyInjection;
using Spectre.Console;

namespace MotionControl.Cli.Commands;

/// <summary><c>providers</c>: what each vendor and model supports, and which ones your configuration has keys for.</summary>
internal static class ProvidersCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("providers", "What each vendor and model supports, and which ones are configured.");
        command.Options.Add(o.Json);
        command.Options.Add(o.Verbose);
        CliApplication.SetAction(command, o, context =>
        {
            var documents = Describe();
            Show(context.Terminal, documents);
            context.PrintJson(new ProvidersDocument(documents), CliJsonContext.Readable.ProvidersDocument);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static List<ProviderDocument> Describe()
    {
        // The capabilities are read from real clients built with placeholder keys on an address never contacted: the
        // SDK publishes them per client, and building one sends nothing.
        var placeholder = new ConfigurationBuilder()
            .AddInMemoryCollection(EmulatorSettings.Configuration(new Uri("http://127.0.0.1:9/")))
            .Build();
        var services = new ServiceCollection();
        services.AddMotionControl(placeholder.GetSection("MotionControl"));
        using var provided = services.BuildServiceProvider();
        var factory = provided.GetRequiredService<IMotionControlClientFactory>();
        var user = ClientConnection.UserConfiguration().GetSection("MotionControl");
        var documents = new List<ProviderDocument>();
        foreach (string name in MotionControlProviders.All)
        {
            var c = factory.GetClient(name).Capabilities;
            bool configured = user.GetChildren().Any(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase));
            documents.Add(new ProviderDocument(
                name,
                c.DisplayName,
                configured,
                c.DefaultModel,
                c.Models,
                DocumentMapper.Supports(c),
                [.. c.ModelProfiles.Select(m => new ModelDocument(m.Model, m.Aliases, m.SupportsMode, m.SupportsElements, m.SupportsKeepOriginalSound, m.IsInferred))]));
        }

        return documents;
    }

    private static void Show(Terminal terminal, List<ProviderDocument> providers)
    {
        if (terminal.Json)
        {
            return;
        }

        if (terminal.IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (string column in new[] { "Provider", "Configured", "Models (default first)", "Mode", "Sound", "Elements", "Estimate", "Balance", "Cancel", "List", "Progress" })
            {
                table.AddColumn(column);
            }

            foreach (var p in providers)
            {
                table.AddRow(
                    new Markup($"[bold]{Markup.Escape(p.Name)}[/]\n[grey]{Markup.Escape(p.DisplayName)}[/]"),
                    Flag(p.Configured),
                    new Text(string.Join("\n", ModelLines(p))),
                    Flag(p.Supports.Mode),
                    Flag(p.Supports.Sound),
                    Flag(p.Supports.Elements),
                    Flag(p.Supports.CostEstimate),
                    Flag(p.Supports.Balance),
                    Flag(p.Supports.Cancel),
                    Flag(p.Supports.List),
                    Flag(p.Supports.Progress));
            }

            terminal.Write(table);
            return;
        }

        foreach (var p in providers)
        {
            var s = p.Supports;
            terminal.Line($"{p.Name} ({p.DisplayName}): configured={YesNo(p.Configured)} mode={YesNo(s.Mode)} sound={YesNo(s.Sound)} elements={YesNo(s.Elements)} estimate={YesNo(s.CostEstimate)} balance={YesNo(s.Balance)} cancel={YesNo(s.Cancel)} list={YesNo(s.List)} progress={YesNo(s.Progress)} prompt-required={YesNo(s.RequiresPrompt)}");
            foreach (string line in ModelLines(p))
            {
                terminal.Line("  model " + line);
            }
        }
    }

    private static IEnumerable<string> ModelLines(ProviderDocument p)
    {
        var profiles = p.ModelProfiles.ToDictionary(m => m.Model, StringComparer.OrdinalIgnoreCase);
        var models = p.Models.Count > 0 ? p.Models : [p.DefaultModel];
        foreach (string model in models.OrderBy(m => string.Equals(m, p.DefaultModel, StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            if (profiles.TryGetValue(model, out var m))
            {
                var traits = new List<string>();
                traits.AddRange(m.Mode ? ["mode"] : []);
                traits.AddRange(m.Sound ? ["sound"] : []);
                traits.AddRange(m.Elements ? ["elements"] : []);
                traits.AddRange(m.Inferred ? ["inferred"] : []);
                string aliases = m.Aliases.Count > 0 ? $" (also {string.Join(", ", m.Aliases)})" : string.Empty;
                yield return $"{model}{aliases}: {(traits.Count > 0 ? string.Join(", ", traits) : "-")}";
            }
            else
            {
                yield return model;
            }
        }
    }

    private static Markup Flag(bool value) => new(value ? "[green]yes[/]" : "[grey]no[/]");

    private static string YesNo(bool value) => value ? "yes" : "no";
}
