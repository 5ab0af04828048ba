using System.Text.Json.Serialization.Metadata;
using MotionControl.Http;

namespace MotionControl.Providers.Kling;

/// <summary>Kling's reply envelope <c>{code, message, request_id, data}</c>, shared by the legacy contract and API 2.0.</summary>
internal static class KlingEnvelopes
{
    /// <summary>Kling's envelope rule: HTTP 2xx and <c>code</c> 0 with data; otherwise the error policy (or an unreadable reply).</summary>
    public static WireReply<KlingEnvelope<T>> Read<T>(VendorReply reply, IVendorErrorPolicy errors, JsonTypeInfo<KlingEnvelope<T>> typeInfo)
        where T : class
    {
        WireReply<KlingEnvelope<T>> wire;
        try
        {
            wire = WireReply<KlingEnvelope<T>>.Read(reply, typeInfo, errors);
        }
        catch (MotionControlProtocolException) when (KlingJsonFields.Code(reply.Root) is not (null or 0))
        {
            // A 2xx error whose data is not the success shape: the code decides, not the shape.
            throw errors.Map(reply);
        }

        var envelope = wire.Value;
        if (envelope.Code is not { } code)
        {
            // A 2xx error in a gateway's own shape ({error: ...}) is still an error, not an unreadable reply.
            throw reply.Root is { } root && root.TryGetProperty("error", out _) ? errors.Map(reply) : reply.ProtocolError("the reply has no numeric code");
        }

        return code != 0 ? throw errors.Map(reply)
            : envelope.Data is null ? throw reply.ProtocolError("the reply has code 0 but no data")
            : wire;
    }

    public static KlingResponse<TData> Response<TData>(string? message, string? requestId, VendorReply reply, TData data) =>
        new() { Code = 0, Message = message, RequestId = requestId ?? reply.RequestIdHeader, Data = data };

    /// <summary>
    /// Runs a reply reader; when it finds the token rejected as expired or not yet valid (Kling 1003/1004), the token is
    /// forgotten so that the retry signs a new one.
    /// </summary>
    public static T Interpret<T, TRoutes>(VendorTransport<TRoutes> transport, VendorReply reply, Func<VendorReply, T> read)
        where TRoutes : class
    {
        try
        {
            return read(reply);
        }
        catch (MotionControlAuthenticationException ex) when (ex.IsTransient)
        {
            transport.InvalidateCredentials();
            throw;
        }
    }
}
