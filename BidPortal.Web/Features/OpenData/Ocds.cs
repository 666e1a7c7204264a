using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace BidPortal.Web.Features.OpenData;

/// <summary>
/// The parts of an Open Contracting Data Standard 1.1 release package the portal publishes, as plain
/// records: System.Text.Json writes them with the standard's camelCase names, leaving out what is null
/// or empty. The English forms ride along in the standard's language-tagged fields (<c>title_en</c>).
/// </summary>
public static class Ocds
{
    public const string Version = "1.1";
    public const string Currency = "CNY";
    /// <summary>The bids extension (statistics, details, Award.relatedBid) at the version kept with the tests.</summary>
    public const string BidsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese stays readable in the file; the escaper still escapes what JSON requires.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public sealed record Package(string Uri, DateTimeOffset PublishedDate, Publisher Publisher, string Version,
        IReadOnlyList<string> Extensions, IReadOnlyList<Release> Releases);

    public sealed record Publisher(string Name, string? Uri = null);

    public sealed record Release(string Ocid, string Id, DateTimeOffset Date, IReadOnlyList<string> Tag, string InitiationType,
        string Language, IReadOnlyList<Party> Parties, OrganizationReference? Buyer = null, Planning? Planning = null,
        Tender? Tender = null, Bids? Bids = null, IReadOnlyList<Award>? Awards = null, IReadOnlyList<Contract>? Contracts = null,
        IReadOnlyList<RelatedProcess>? RelatedProcesses = null);

    public sealed record Party(string Id, string Name, IReadOnlyList<string> Roles,
        [property: JsonPropertyName("name_en")] string? NameEn = null, Identifier? Identifier = null)
    {
        [JsonIgnore]
        public OrganizationReference Reference => new(Id, Name);
    }

    public sealed record Identifier(string Scheme, string Id);

    public sealed record OrganizationReference(string Id, string Name);

    public sealed record Value(decimal Amount, string Currency = Ocds.Currency);

    public sealed record Period(DateTimeOffset? StartDate, DateTimeOffset? EndDate);

    public sealed record Planning(Budget Budget, string? Rationale = null, IReadOnlyList<Milestone>? Milestones = null);

    public sealed record Budget(string Id, string Description, Value Amount,
        [property: JsonPropertyName("description_en")] string? DescriptionEn = null);

    public sealed record Tender(string Id, string Title, string? Description, string Status, OrganizationReference ProcuringEntity,
        Value Value, string ProcurementMethod, string? ProcurementMethodDetails, Period? TenderPeriod, Period? EnquiryPeriod,
        bool? HasEnquiries, int? NumberOfTenderers, IReadOnlyList<OrganizationReference>? Tenderers,
        [property: JsonPropertyName("title_en")] string? TitleEn = null, string? MainProcurementCategory = "services");

    /// <summary>The bids extension: counts once the proposals are opened, and each opened proposal.</summary>
    public sealed record Bids(IReadOnlyList<BidStatistic> Statistics, IReadOnlyList<Bid> Details);

    public sealed record BidStatistic(string Id, string Measure, decimal Value, string? Notes = null);

    public sealed record Bid(string Id, DateTimeOffset? Date, string Status, IReadOnlyList<OrganizationReference> Tenderers, Value Value);

    public sealed record Award(string Id, string Status, DateTimeOffset Date, Value Value, IReadOnlyList<OrganizationReference> Suppliers,
        string RelatedBid);

    public sealed record Contract(string Id, string AwardID, string Status, Value Value, Period? Period, DateTimeOffset? DateSigned,
        Implementation? Implementation);

    public sealed record Implementation(IReadOnlyList<Transaction>? Transactions, IReadOnlyList<Milestone>? Milestones);

    public sealed record Transaction(string Id, DateTimeOffset? Date, Value Value, OrganizationReference Payer, OrganizationReference Payee);

    public sealed record Milestone(string Id, string Title, string Type, string Status, DateTimeOffset? DueDate, DateTimeOffset? DateMet,
        [property: JsonPropertyName("title_en")] string? TitleEn = null);

    public sealed record RelatedProcess(string Id, IReadOnlyList<string> Relationship, string Title, string Scheme, string Identifier);
}
