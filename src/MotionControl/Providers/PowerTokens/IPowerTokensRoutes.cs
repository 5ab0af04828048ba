using MotionControl.Providers.Kling;
using Refit;

namespace MotionControl.Providers.PowerTokens;

/// <summary>PowerTokens serves Kling's legacy motion-control routes under <c>/kling</c> (it is a Kling gateway).</summary>
[PathPrefix("/kling")]
internal interface IPowerTokensRoutes : IKlingRoutes;
