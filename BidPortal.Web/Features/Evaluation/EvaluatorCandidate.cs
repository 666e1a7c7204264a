namespace BidPortal.Web.Features.Evaluation;

/// <summary>An evaluator account not yet on the panel.</summary>
public sealed record EvaluatorCandidate(string UserName, string DisplayName)
{
    public string Label => DisplayName == UserName || DisplayName.Length == 0 ? UserName : $"{DisplayName} ({UserName})";
}
