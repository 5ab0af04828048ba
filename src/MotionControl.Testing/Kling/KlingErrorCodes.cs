namespace MotionControl.Testing;

/// <summary>Kling's business codes: the HTTP status each comes with and Kling's wording.</summary>
internal static class KlingErrorCodes
{
    public const int AuthenticationFailed = 1000;
    public const int AuthorizationEmpty = 1001;
    public const int AuthorizationInvalid = 1002;
    public const int TokenNotYetValid = 1003;
    public const int TokenExpired = 1004;
    public const int ResourcePackExhausted = 1102;
    public const int InvalidRequest = 1200;
    public const int InvalidParameter = 1201;
    public const int RateLimited = 1302;

    /// <summary>More tasks running at once than the account's resource pack allows.</summary>
    public const int ParallelTasksOverLimit = 1303;
    public const int InternalError = 5000;
    public const int ServiceUnavailable = 5001;
    public const int InternalTimeout = 5002;

    public static int HttpStatusFor(int code) => code switch
    {
        >= 1000 and <= 1004 => 401,
        >= 1100 and <= 1102 => 429,
        1103 => 403,
        1200 or 1201 => 400,
        1202 or 1203 => 404,
        1300 or 1301 => 400,
        >= 1302 and <= 1304 => 429,
        5000 => 500,
        5001 => 503,
        5002 => 504,
        >= 5000 and < 6000 => 500,
        _ => 400,
    };

    public static string DefaultMessageFor(int code) => code switch
    {
        1000 => "Authentication failed",
        1001 => "Authorization is empty",
        1002 => "Authorization is invalid",
        1003 => "Authorization is not yet valid",
        1004 => "Authorization has expired",
        1100 => "Account exception",
        1101 => "Account in arrears (postpaid)",
        1102 => "Resource pack exhausted or expired (prepaid)",
        1103 => "Unauthorized access to the requested resource",
        1200 => "Invalid request parameters",
        1201 => "Invalid parameter",
        1202 => "Invalid request method",
        1203 => "Requested resource does not exist",
        1300 => "Platform policy triggered",
        1301 => "Content security policy triggered",
        1302 => "The API request is too fast, please slow down the request frequency",
        1303 => "parallel task over resource pack limit",
        1304 => "IP whitelist policy triggered",
        5000 => "Server internal error",
        5001 => "Server temporarily unavailable, usually due to maintenance",
        5002 => "Server internal timeout, usually due to a backlog",
        _ => "Error",
    };

    /// <summary>Maps an HTTP 5xx status to the Kling code that comes with it.</summary>
    public static int CodeForServerStatus(int statusCode) => statusCode switch
    {
        503 => ServiceUnavailable,
        504 => InternalTimeout,
        _ => InternalError,
    };
}
