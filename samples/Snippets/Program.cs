// Nothing to run: this project exists so that the snippets in Snippets.cs, quoted by the documentation, keep compiling.
Console.WriteLine("The snippets in Snippets.cs are compiled, not run. See samples/QuickStart for a runnable sample.");
