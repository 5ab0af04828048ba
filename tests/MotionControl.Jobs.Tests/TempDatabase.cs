namespace MotionControl.Jobs.Tests;

/// <summary>A temporary directory with a SQLite file path in it, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mc-jobs-").FullName;
        Path = System.IO.Path.Combine(Directory, "jobs.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
