using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Media;
using MotionControl.Storage.AzureBlobs;
using MotionControl.Storage.S3;
using MotionControl.Storage.Tests.Servers;
using MotionControl.Testing;

namespace MotionControl.Storage.Tests;

/// <summary>The uploaders registered on the AddMotionControl() builder, from configuration, against the real servers.</summary>
[Collection(AzuriteCollection.Name)]
public class AzureBlobRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddAzureBlobMediaUploader_from_configuration_stages_a_local_video_for_Kling_and_GenerateAsync_cleans_it_up()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var container = "mc-" + Guid.NewGuid().ToString("N")[..12];
        var json = $$"""
        {
          "MotionControl": {
            "WaitOptions": { "PollInterval": "00:00:00.010", "MaxPollInterval": "00:00:00.050", "Jitter": 0, "Timeout": "00:00:30" },
            "Kling": { "BaseAddress": "{{emulator.BaseAddress}}", "AccessKey": "{{emulator.Credentials.KlingAccessKey}}", "SecretKey": "{{emulator.Credentials.KlingSecretKey}}" },
            "Storage": {
              "AzureBlobs": { "ConnectionString": "{{azurite.ConnectionString}}", "ContainerName": "{{container}}", "CreateContainerIfMissing": true, "UrlLifetime": "00:15:00" }
            }
          }
        }
        """;
        using var host = Hosts.Build(json, (builder, section) => builder.AddAzureBlobMediaUploader(section.GetSection("Storage:AzureBlobs")));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IMotionControlClient>();

        var task = await client.GenerateAsync(KlingBed.Request(MediaSource.FromFile(LargeVideo.Fixture("moov_first.mp4"))));

        var uploader = Assert.IsType<AzureBlobMediaUploader>(client.GetService(typeof(IMediaCleanup)));
        Assert.Equal(TimeSpan.FromMinutes(15), host.Services.GetRequiredService<IOptions<AzureBlobMediaUploaderOptions>>().Value.UrlLifetime);
        Assert.StartsWith(uploader.ContainerUri.AbsoluteUri, KlingBed.ReceivedVideoUrl(emulator).AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(task.StagedMedia);
        Assert.False(await azurite.Container(container).ExistsAsync() && await azurite.Container(container).GetBlobClient(new Azure.Storage.Blobs.BlobUriBuilder(task.StagedMedia[0]).BlobName).ExistsAsync());
        await host.StopAsync();
    }

    [Fact]
    public async Task Incomplete_storage_configuration_fails_at_start_naming_the_settings_never_the_values()
    {
        const string json = """
        { "Storage": { "AccountKey": "c2VjcmV0LWtleS12YWx1ZQ==", "UrlLifetime": "30.00:00:00" } }
        """;
        using var host = Hosts.Build(json, (builder, section) => builder.AddAzureBlobMediaUploader(section.GetSection("Storage")), withKling: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ContainerName is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("UrlLifetime must be between", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleS12YWx1ZQ==", error.Message, StringComparison.Ordinal);
    }
}

[Collection(S3rverCollection.Name)]
public class S3RegistrationTests(S3rverFixture s3rver)
{
    [Fact]
    public async Task AddS3MediaUploader_with_a_delegate_is_the_uploader_and_cleanup_of_every_registration()
    {
        await using var emulator = await MotionControlEmulator.StartAsync();
        var json = $$"""
        {
          "MotionControl": {
            "Kling": { "BaseAddress": "{{emulator.BaseAddress}}", "AccessKey": "{{emulator.Credentials.KlingAccessKey}}", "SecretKey": "{{emulator.Credentials.KlingSecretKey}}" },
            "Vydra": { "BaseAddress": "{{emulator.BaseAddress}}", "ApiKey": "{{emulator.Credentials.VydraApiKey}}" }
          }
        }
        """;
        using var host = Hosts.Build(json, (builder, _) => builder.AddS3MediaUploader(o =>
        {
            o.BucketName = "media";
            o.ServiceUrl = s3rver.ServiceUrl;
            o.ForcePathStyle = true;
            o.AccessKeyId = S3rverFixture.AccessKeyId;
            o.SecretAccessKey = S3rverFixture.SecretAccessKey;
        }));
        await host.StartAsync();

        var kling = host.Services.GetRequiredKeyedService<IMotionControlClient>("kling");
        var vydra = host.Services.GetRequiredKeyedService<IMotionControlClient>("vydra");
        var uploader = host.Services.GetRequiredService<S3MediaUploader>();

        Assert.Same(uploader, kling.GetService(typeof(IMediaUploader)));
        Assert.Same(uploader, vydra.GetService(typeof(IMediaCleanup)));
        Assert.Same(uploader, host.Services.GetRequiredService<IMediaUploader>());
        Assert.Equal("media", uploader.BucketName);
        await host.StopAsync();
    }

    [Fact]
    public async Task S3_configuration_keys_bind_and_a_missing_bucket_fails_at_start()
    {
        var json = $$"""
        {
          "S3": { "ServiceUrl": "{{s3rver.ServiceUrl}}", "ForcePathStyle": true, "ChunkedUploads": false, "AccessKeyId": "id", "SecretAccessKey": "do-not-print-me", "UrlLifetime": "00:05:00" },
          "S3Complete": { "BucketName": "media", "KeyPrefix": "mc/", "ServiceUrl": "{{s3rver.ServiceUrl}}", "ForcePathStyle": true, "ChunkedUploads": false, "AccessKeyId": "id", "SecretAccessKey": "do-not-print-me", "UrlLifetime": "00:05:00", "CreateBucketIfMissing": true }
        }
        """;
        using var incomplete = Hosts.Build(json, (builder, section) => builder.AddS3MediaUploader(section.GetSection("S3")), withKling: false);
        using var complete = Hosts.Build(json, (builder, section) => builder.AddS3MediaUploader(section.GetSection("S3Complete")), withKling: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => incomplete.StartAsync());
        await complete.StartAsync();
        var options = complete.Services.GetRequiredService<IOptions<S3MediaUploaderOptions>>().Value;

        Assert.Equal(("media", "mc/", s3rver.ServiceUrl, true, false, true, TimeSpan.FromMinutes(5)), (options.BucketName, options.KeyPrefix, options.ServiceUrl, options.ForcePathStyle, options.ChunkedUploads, options.CreateBucketIfMissing, options.UrlLifetime));
        Assert.Contains("S3: BucketName is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", error.Message + options, StringComparison.Ordinal);
        await complete.StopAsync();
    }
}

internal static class Hosts
{
    public static IHost Build(string json, Action<MotionControlBuilder, IConfiguration> addStorage, bool withKling = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var section = builder.Configuration.GetSection("MotionControl");
        var motionControl = withKling ? builder.Services.AddMotionControl(section) : builder.Services.AddMotionControl();
        addStorage(motionControl, withKling ? section : builder.Configuration);
        return builder.Build();
    }
}
