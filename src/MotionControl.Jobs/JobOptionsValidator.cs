using Microsoft.Extensions.Options;

namespace MotionControl.Jobs;

/// <summary>Checks the job options when the host starts: a store chosen, positive limits and intervals.</summary>
internal sealed class JobOptionsValidator : IValidateOptions<MotionControlJobOptions>
{
    public ValidateOptionsResult Validate(string? name, MotionControlJobOptions options)
    {
        var problems = new List<string>();
        if (options.StoreFactory is null)
        {
            problems.Add("No job store is configured: call o.UseSqlite(connectionString) (or o.UsePostgreSql from MotionControl.Jobs.PostgreSql) in AddJobs.");
        }

        if (options.DefaultMaxConcurrentTasks < 1)
        {
            problems.Add($"DefaultMaxConcurrentTasks must be at least 1 (it is {options.DefaultMaxConcurrentTasks}).");
        }

        foreach (var (registration, limit) in options.MaxConcurrentTasks)
        {
            if (limit < 1)
            {
                problems.Add($"MaxConcurrentTasks['{registration}'] must be at least 1 (it is {limit}).");
            }
        }

        if (options.PollInterval <= TimeSpan.Zero || options.LeaseDuration <= TimeSpan.Zero || options.RefusedCreateDelay < TimeSpan.Zero || options.GovernorQuietInterval < TimeSpan.Zero)
        {
            problems.Add("PollInterval and LeaseDuration must be positive; RefusedCreateDelay and GovernorQuietInterval not negative.");
        }

        if (options.MaxConcurrentJobs < 1 || string.IsNullOrWhiteSpace(options.WorkerId))
        {
            problems.Add("MaxConcurrentJobs must be at least 1 and WorkerId set.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
