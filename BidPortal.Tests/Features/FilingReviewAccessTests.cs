using System.Globalization;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Filings;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Features;

/// <summary>
/// Every role, for its own unit and another's, against every read and write of step 1. The
/// service decides from the filing as stored, so a page that showed something else cannot
/// widen what a person may do.
/// </summary>
public sealed class FilingReviewAccessTests : IClassFixture<FilingReviewAccessTests.Setup>
{
    public sealed class Setup : IDisposable
    {
        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = Build.Clock();
        public TestDatabase Database { get; }
        public FilingReview Service { get; }
        public int OwnUnit { get; }
        public int OtherUnit { get; }

        public Setup()
        {
            Database = new TestDatabase(Clock);
            Service = new FilingReview(Database.Factory, Clock, Database.Files);
            using var db = Database.Create();
            db.Actor = "test";
            var campaign = new Campaign(2026, "2026年度", "2026");
            campaign.OpenFiling();
            var own = new SponsorUnit("CZJ", "财政局", "Finance", UnitKind.MunicipalDepartment, "finance");
            var other = new SponsorUnit("SJJ", "审计局", "Audit", UnitKind.MunicipalDepartment, "audit");
            db.AddRange(campaign, own, other);
            db.SaveChanges();
            (OwnUnit, OtherUnit) = (own.Id, other.Id);
        }

        /// <summary>A fresh filing of the "own" unit for one case, in the state the case needs.</summary>
        public (int FilingId, int DocumentId) NewFiling(FilingStatus status)
        {
            using var db = Database.Create();
            db.Actor = "test";
            var campaign = db.Campaigns.Single();
            var unit = db.SponsorUnits.Single(u => u.Id == OwnUnit);
            var filing = new Filing(campaign, unit, Build.Details(), Clock);
            var stored = Database.Files.SaveAsync(new MemoryStream("%PDF-1.4 notice"u8.ToArray()), "filings/test").GetAwaiter().GetResult();
            var document = filing.AttachDocument(DocumentKind.CourseNotice, "notice.pdf", stored.Size, stored.Sha256, stored.Key, Clock);
            if (status != FilingStatus.Draft) filing.Submit(Clock);
            db.Filings.Add(filing);
            db.SaveChanges();
            return (filing.Id, document.Id);
        }

        public FilingStatus StatusOf(int filingId)
        {
            using var db = Database.Create();
            return db.Filings.AsNoTracking().Single(f => f.Id == filingId).Status;
        }

        public void Dispose() => Database.Dispose();
    }

    private readonly Setup _s;

    public FilingReviewAccessTests(Setup setup) => _s = setup;

    public static TheoryData<string> Actors => ["organizer", "own sponsor", "other sponsor", "institution", "evaluator", "anonymous"];

    private Actor ActorFor(string who) => who switch
    {
        "organizer" => Actor.Of("organizer", Roles.Organizer),
        "own sponsor" => Actor.Of("sponsor.own", Roles.Sponsor, sponsorUnitId: _s.OwnUnit),
        "other sponsor" => Actor.Of("sponsor.other", Roles.Sponsor, sponsorUnitId: _s.OtherUnit),
        "institution" => Actor.Of("inst.pku", Roles.Institution, institutionId: 1),
        "evaluator" => Actor.Of("expert01", Roles.Evaluator),
        _ => Actor.Anonymous,
    };

    /// <summary>Runs the call and says whether it went through; a refusal must be "access denied" and nothing else.</summary>
    private static async Task<bool> Allowed(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (DomainException e) when (AccessPolicy.IsDenied(e))
        {
            return false;
        }
    }

    [Theory, MemberData(nameof(Actors))]
    public async Task Reads_ShowTheFilingToTheOrganizerAndItsOwnUnitOnly(string who)
    {
        var actor = ActorFor(who);
        var (id, documentId) = _s.NewFiling(FilingStatus.Submitted);
        var mayRead = who is "organizer" or "own sponsor";
        Assert.Equal(mayRead, await Allowed(() => _s.Service.GetAsync(actor, id)));
        Assert.Equal(mayRead, await Allowed(() => _s.Service.OpenDocumentAsync(actor, documentId)));
        Assert.Equal(who == "own sponsor", await Allowed(() => _s.Service.GetForEditAsync(actor, id)));
        Assert.Equal(who == "organizer", await Allowed(() => _s.Service.QueueAsync(actor, new FilingQueueFilter(null, null, null, false))));
    }

    [Theory, MemberData(nameof(Actors))]
    public async Task SponsorWrites_AreForTheFilingsOwnUnitOnly_AndARefusalChangesNothing(string who)
    {
        var actor = ActorFor(who);
        var mayWrite = who == "own sponsor";

        var (edited, _) = _s.NewFiling(FilingStatus.Draft);
        var changed = Build.Details() with { Title = "改过的标题" };
        Assert.Equal(mayWrite, await Allowed(() => _s.Service.EditAsync(actor, edited, changed)));
        using (var db = _s.Database.Create())
            Assert.Equal(mayWrite ? "改过的标题" : Build.Details().Title, db.Filings.Single(f => f.Id == edited).Title);

        var (submitted, _) = _s.NewFiling(FilingStatus.Draft);
        Assert.Equal(mayWrite, await Allowed(() => _s.Service.SubmitAsync(actor, submitted)));
        Assert.Equal(mayWrite ? FilingStatus.Submitted : FilingStatus.Draft, _s.StatusOf(submitted));

        var (attached, _) = _s.NewFiling(FilingStatus.Draft);
        Assert.Equal(mayWrite, await Allowed(() => _s.Service.AttachDocumentAsync(actor, attached, DocumentKind.Budget, "budget.pdf", 9,
            new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 x")))));
        using (var db = _s.Database.Create())
            Assert.Equal(mayWrite ? 2 : 1, db.FilingDocuments.Count(d => d.FilingId == attached));
    }

    [Theory, MemberData(nameof(Actors))]
    public async Task ReviewWrites_AreTheOrganizersOnly_AndARefusalChangesNothing(string who)
    {
        var actor = ActorFor(who);
        var mayReview = who == "organizer";
        var cases = new (Func<int, Task> Call, FilingStatus After)[]
        {
            (id => _s.Service.ApproveAsync(actor, id, true, null), FilingStatus.Approved),
            (id => _s.Service.ReturnAsync(actor, id, "请补充预算明细"), FilingStatus.Returned),
            (id => _s.Service.RejectAsync(actor, id, "与年度重点不符"), FilingStatus.Rejected),
            (id => _s.Service.ApproveManyAsync(actor, [id]), FilingStatus.Approved),
        };
        foreach (var (call, after) in cases)
        {
            var (id, _) = _s.NewFiling(FilingStatus.Submitted);
            Assert.Equal(mayReview, await Allowed(() => call(id)));
            Assert.Equal(mayReview ? after : FilingStatus.Submitted, _s.StatusOf(id));
        }
    }

    [Fact]
    public async Task UnknownFiling_IsNotFound_NotDenied()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _s.Service.GetAsync(ActorFor("organizer"), 999_999));
        Assert.True(AccessPolicy.IsNotFound(e));
    }

    [Fact]
    public async Task EachWrite_NamesThePersonInTheAuditLog()
    {
        var sponsor = ActorFor("own sponsor");
        var organizer = ActorFor("organizer");
        var created = await _s.Service.CreateAsync(sponsor, Build.Details());
        await _s.Service.SubmitAsync(sponsor, created);
        await _s.Service.ApproveAsync(organizer, created, intoSpecialPlan: true, comment: null);
        using var db = _s.Database.Create();
        var key = created.ToString(CultureInfo.InvariantCulture);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Filing) && a.EntityId == key)
            .OrderBy(a => a.Sequence).Select(a => new { a.Actor, a.Action, a.Details }).ToList();
        Assert.Equal([("sponsor.own", "Created"), ("sponsor.own", "StatusChanged"), ("organizer", "StatusChanged")],
            entries.Where(e => e.Action is "Created" or "StatusChanged").Select(e => (e.Actor, e.Action)));
        // The field changes of each step (submitted at, reviewed at, into the plan) name the same people.
        Assert.All(entries.Where(e => e.Action == "Updated"),
            e => Assert.Equal(e.Details.Contains("InSpecialPlan") ? "organizer" : "sponsor.own", e.Actor));
    }
}
