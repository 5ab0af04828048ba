using System.Globalization;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>AIMLAPI's HTTP error body <c>{message, path, requestId, statusCode, timestamp}</c>.</summary>
internal static class AimlApiReplies
{
    // statusCode is a string because the documented example writes it so; clients are told to parse it leniently.
    public static EmulatorReply Error(VendorCall call, int statusCode, string message) =>
        EmulatorReply.FromJson(
            new JsonObject
            {
                ["message"] = message,
                ["path"] = call.Path,
                ["requestId"] = call.RequestId,
                ["statusCode"] = statusCode.ToString(CultureInfo.InvariantCulture),
                ["timestamp"] = JsonWire.Iso8601(call.Now),
            },
            statusCode);
}
