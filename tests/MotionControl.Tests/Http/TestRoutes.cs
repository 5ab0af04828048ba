using MotionControl.Http;
using MotionControl.Serialization;
using Refit;

namespace MotionControl.Tests.Http;

/// <summary>A minimal vendor's Refit routes, to drive the transport over a test handler.</summary>
internal interface ITestRoutes
{
    [Get("/jobs/{id}")]
    Task<HttpResponseMessage> GetAsync(string id, CancellationToken cancellationToken);

    [Post("/jobs")]
    Task<HttpResponseMessage> CreateAsync([Body] HttpContent body, CancellationToken cancellationToken);
}

/// <summary>Builds a <see cref="VendorTransport{TRoutes}"/> whose generated routes send through a test handler.</summary>
internal static class TestTransport
{
    public static VendorTransport<ITestRoutes> Create(HttpMessageHandler handler, VendorTransportSettings settings)
    {
        var client = new HttpClient(handler) { BaseAddress = settings.BaseAddress };
        var routes = RestService.ForGenerated<ITestRoutes>(client, VendorHttpClients.Settings(MotionControlJsonContext.Default));
        return new VendorTransport<ITestRoutes>(settings, () => routes);
    }

    public static VendorCall<ITestRoutes> Get() => VendorCall<ITestRoutes>.Get("1", static (routes, ct) => routes.GetAsync("1", ct));

    public static VendorCall<ITestRoutes> Create(Func<HttpContent> content) => VendorCall<ITestRoutes>.Create((routes, ct) => routes.CreateAsync(content(), ct));
}
