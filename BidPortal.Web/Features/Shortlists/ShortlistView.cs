using BidPortal.Domain.Projects;
using BidPortal.Web.Features.Evaluation;

namespace BidPortal.Web.Features.Shortlists;

/// <summary>
/// A published shortlist as its lead sponsor reads it, on screen, as a PDF and in the mail's attachment: the
/// same record for all three, so they show the same order and figures. Names and words are in one language;
/// <see cref="Criteria"/> are the columns of each row's <see cref="ShortlistRow.CriterionAverages"/>.
/// </summary>
public sealed record ShortlistView(
    int ProjectId,
    string Campaign,
    string Code,
    string Title,
    string SponsorUnit,
    DateTimeOffset? Deadline,
    int PanelSize,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? NoticeEndsAt,
    bool InNotice,
    int OpenObjections,
    string NoticeState,
    ProjectStatus Status,
    IReadOnlyList<CriterionColumn> Criteria,
    IReadOnlyList<ShortlistRow> Rows);
