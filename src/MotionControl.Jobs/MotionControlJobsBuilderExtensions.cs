using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Jobs.Queue;
using MotionControl.Jobs.Storage;
using MotionControl.Jobs.Worker;

namespace MotionControl.Jobs;

/// <summary>Adds the durable job queue to an <c>AddMotionControl()</c> builder.</summary>
public static class MotionControlJobsBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IMotionControlJobQueue"/> over the store the options choose (<c>o.UseSqlite(connectionString)</c>)
    /// and, unless <see cref="MotionControlJobOptions.RunWorker"/> is false, the hosted worker that runs the jobs.
    /// </summary>
    /// <param name="builder">The builder <c>AddMotionControl</c> returned.</param>
    /// <param name="configure">Chooses the store and sets the worker's and governor's options.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddJobs(this MotionControlBuilder builder, Action<MotionControlJobOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<MotionControlJobOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MotionControlJobOptions>, JobOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MotionControlJobOptions>>().Value;
            return options.StoreFactory!(sp);
        });
        services.TryAddSingleton<JobStoreInitializer>();
        services.TryAddSingleton<JobSignal>();
        services.TryAddSingleton<IMotionControlJobQueue, MotionControlJobQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobWorkerHost>());
        return builder;
    }
}
