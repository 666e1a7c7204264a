namespace BidPortal.Web;

/// <summary>
/// Every address the portal hands out — links, buttons, redirects, home pages and the links inside
/// mail — is built here, so a page that moves moves everywhere at once. A test checks that each
/// one is served by a page or an endpoint.
/// </summary>
public static class Routes
{
    public const string Home = "/";
    public const string Login = "/login";
    public const string AccessDenied = "/access-denied";
    public const string NotFound = "/not-found";
    public const string Error = "/error";

    // Organizer
    public const string Dashboard = "/organizer";
    public const string ReviewQueue = "/organizer/filings";
    public const string ImportFilings = "/organizer/filings/import";
    public const string Consolidation = "/organizer/consolidation";
    public const string PublishRound = "/organizer/publish";
    public const string Directory = "/organizer/institutions";
    public const string NewInstitution = "/organizer/institutions/new";
    public const string Outbox = "/organizer/outbox";
    /// <summary>The dashboard at a campaign's list of filings with late or missing documents.</summary>
    public static string DashboardOverdue(int campaignId) => $"{Dashboard}?campaign={campaignId}#overdue-{campaignId}";
    public static string Project(int projectId) => $"/organizer/projects/{projectId}";
    public static string CampaignRules(int campaignId) => $"/organizer/campaigns/{campaignId}/rules";
    /// <summary>The campaign's default rubric, copied into each project consolidated after it changes.</summary>
    public static string CampaignRubric(int campaignId) => $"/organizer/campaigns/{campaignId}/rubric";
    /// <summary>Panel, progress board, ranking, finalising and publishing of one project (steps 7–8).</summary>
    public static string ProjectEvaluation(int projectId) => $"/organizer/projects/{projectId}/evaluation";
    public static string EditInstitution(int institutionId) => $"/organizer/institutions/{institutionId}";
    /// <summary>The awarded projects of a campaign followed to their reports (step 10).</summary>
    public static string CampaignExecution(int campaignId) => $"/organizer/campaigns/{campaignId}/execution";

    // Sponsor
    public const string SponsorHome = "/sponsor";
    public const string NewFiling = "/sponsor/filings/new";
    public static string Filing(int filingId) => $"/filings/{filingId}";
    public static string EditFiling(int filingId) => $"/sponsor/filings/{filingId}/edit";
    /// <summary>The published shortlist of one of the sponsor's projects, with the award (step 9).</summary>
    public static string SponsorShortlist(int projectId) => $"/sponsor/projects/{projectId}/shortlist";
    /// <summary>An awarded project's execution record and completion report (organizer and lead sponsor).</summary>
    public static string ProjectExecution(int projectId) => $"/projects/{projectId}/execution";

    // Institution
    public static string InstitutionHome(int institutionId) => $"/institutions/{institutionId}";
    public static string InstitutionProject(int institutionId, int projectId) => $"/institutions/{institutionId}/projects/{projectId}";
    public static string Acknowledge(string token) => $"/ack/{Uri.EscapeDataString(token)}";

    // Evaluator
    public const string EvaluatorHome = "/evaluator";
    /// <summary>A project on the evaluator's panel: the declaration of conflicts, then its proposals.</summary>
    public static string EvaluatorProject(int projectId) => $"/evaluator/projects/{projectId}";
    /// <summary>One proposal's scoring page: the document, the fields, the score sheet.</summary>
    public static string EvaluatorProposal(int proposalId) => $"/evaluator/proposals/{proposalId}";

    // Files and exports (plain links to endpoints)
    public const string FilingTemplateXlsx = "/templates/filings.xlsx";
    public const string FilingTemplateCsv = "/templates/filings.csv";
    public static string FilingDocument(int documentId) => $"/files/filing-documents/{documentId}";
    public static string CallPdf(int projectId) => $"/files/calls/{projectId}.pdf";
    public static string SpecialPlanXlsx(int campaignId) => $"/exports/special-plan/{campaignId}/xlsx";
    public static string SpecialPlanPdf(int campaignId) => $"/exports/special-plan/{campaignId}/pdf";
    /// <summary>Where the page posts a proposal document and its fields (multipart, antiforgery token in a header).</summary>
    public static string ProposalUpload(int projectId) => $"/proposals/{projectId}/upload";
    public const string ProposalUploadToken = "/proposals/upload-token";
    public static string ProposalDocument(int versionId) => $"/files/proposals/{versionId}";
    /// <summary>The same document shown inside the scoring page (inline, framed only by the portal itself).</summary>
    public static string ProposalDocumentView(int versionId) => $"/files/proposals/{versionId}/view";
    /// <summary>A project's ranking and all its score sheets, as CSV or Excel, headers in the reader's language.</summary>
    public static string RankingCsv(int projectId) => $"/exports/rankings/{projectId}.csv";
    public static string RankingXlsx(int projectId) => $"/exports/rankings/{projectId}.xlsx";
    public static string ScoresCsv(int projectId) => $"/exports/scores/{projectId}.csv";
    public static string ScoresXlsx(int projectId) => $"/exports/scores/{projectId}.xlsx";
    public static string ReceiptPdf(int versionId) => $"/files/receipts/{versionId}.pdf";
    /// <summary>The opening record (开标记录) as a PDF.</summary>
    public static string OpeningRecordPdf(int projectId) => $"/files/openings/{projectId}.pdf";
    /// <summary>The shortlist as a PDF: the same order and figures as the screen.</summary>
    public static string ShortlistPdf(int projectId) => $"/files/shortlists/{projectId}.pdf";
    /// <summary>An awarded project's completion report as uploaded.</summary>
    public static string ExecutionReport(int projectId) => $"/files/execution-reports/{projectId}";
    /// <summary>A campaign's execution list (awarded projects to their reports) as CSV and as Excel.</summary>
    public static string ExecutionCsv(int campaignId) => $"/exports/campaigns/{campaignId}/execution.csv";
    public static string ExecutionXlsx(int campaignId) => $"/exports/campaigns/{campaignId}/execution.xlsx";
    /// <summary>The campaign summary for the leadership: figures, charts, projects with winner and money.</summary>
    public static string CampaignSummaryPdf(int campaignId) => $"/files/campaigns/{campaignId}/summary.pdf";
    /// <summary>The campaign as an Open Contracting Data Standard 1.1 release package.</summary>
    public static string OpenDataPackage(int campaignId) => $"/exports/campaigns/{campaignId}/ocds.json";
    /// <summary>A list page as CSV or Excel (the list's name from ListExports; its campaign, institution or filters in the query).</summary>
    public static string ListCsv(string list) => $"/exports/lists/{list}.csv";
    public static string ListXlsx(string list) => $"/exports/lists/{list}.xlsx";

    // Account
    public const string Logout = "/logout";
    public static string Culture(string culture, string returnUrl) => $"/culture/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";
    public static string LoginReturningTo(string returnUrl) => $"{Login}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>An address inside a mail: the portal's public URL and the path.</summary>
    public static string Absolute(string publicUrl, string path) => publicUrl.TrimEnd('/') + path;
}
