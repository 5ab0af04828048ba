using System.Globalization;

namespace MotionControl.Testing;

/// <summary>Turns an error-reply fault into the reply the vendor would send.</summary>
internal static class FaultResponder
{
    // What nginx in front of an API sends when the upstream is down: HTML, not the vendor's JSON.
    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /// <summary>Returns the reply that replaces the call, or null when the fault lets the call run.</summary>
    public static EmulatorReply? ErrorReplyFor(EmulatorFault? fault, IErrorDialect dialect, VendorCall call)
    {
        if (fault is null)
        {
            return null;
        }

        switch (fault.Kind)
        {
            case FaultKind.RateLimited:
                var seconds = (long)Math.Ceiling(fault.RetryAfter.TotalSeconds);
                return dialect.RateLimited(call, fault.RetryAfter, fault.KlingCode)
                    .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            case FaultKind.ServerError when fault.StatusCode == 502:
                return EmulatorReply.FromText(502, BadGatewayPage, "text/html");
            case FaultKind.ServerError:
                return dialect.ServerError(call, fault.StatusCode);
            case FaultKind.InsufficientCredits:
                return dialect.InsufficientCredits(call);
            case FaultKind.KlingError:
                return KlingReplies.Error(call, fault.KlingCode ?? 5000, fault.Message, fault.StatusCode);
            case FaultKind.ModelsLabError:
                return ModelsLabReplies.Error(fault.Message ?? "error", fault.StatusCode, fault.MisspeltMessageField);
            case FaultKind.AimlApiError:
                return AimlApiReplies.Error(call, fault.StatusCode, fault.Message ?? "error");
            case FaultKind.VydraError:
                return VydraReplies.Error(fault.StatusCode, fault.Code ?? "INTERNAL_ERROR", fault.Message ?? "error");
            case FaultKind.RawResponse:
                return EmulatorReply.FromText(fault.StatusCode, fault.Body ?? string.Empty, fault.ContentType);
            case FaultKind.Redirect:
                return EmulatorReply.FromText(fault.StatusCode, string.Empty, "text/plain").WithHeader("Location", fault.Body ?? "/");
            default:
                return null;
        }
    }
}
