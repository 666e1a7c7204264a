using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Execution;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Execution;

/// <summary>
/// Step 10 through the service: the demo's awarded C-06 (held, no report yet) as its organizer and lead sponsor
/// see it; the record's bounds; who may read and write; the report's 15-day rule; stages as the date moves.
/// </summary>
public sealed class ExecutionServiceTests
{
    [Fact]
    public async Task DemoC06_IsInExecution_WithItsRecordAndADueDateAhead()
    {
        using var portal = new ExecutionPortal();
        var view = await portal.Executions.ProjectAsync(Actors.Organizer, portal.ProjectId);
        Assert.Equal(ExecutionStage.InExecution, view.Stage);
        Assert.NotNull(view.HeldStart);
        Assert.True(view.HeldEnd < portal.Today, "held in the recent past");
        Assert.True(view.ReportDue > portal.Today, "the report is due in the future");
        Assert.Equal(view.HeldEnd!.Value.AddDays(15), view.ReportDue);
        Assert.Null(view.ReportFileName);
        Assert.Equal(view.ActualCost - view.Contracted, view.Variance);
        Assert.True(view.CanRecord && view.CanSubmitReport);

        var list = await portal.Executions.CampaignAsync(Actors.Organizer, portal.CampaignId);
        var row = Assert.Single(list.Rows);
        Assert.Equal("C-06", row.Code);
        Assert.Equal(view.Winner, row.Winner);
        Assert.Equal(1, list.Count(ExecutionStage.InExecution));
        Assert.Equal(0, list.Count(ExecutionStage.Completed));
    }

    [Fact]
    public async Task Stage_MovesToReportOverdue_ThenCompletedAndLate_WhenTheReportComesAfterFifteenDays()
    {
        using var portal = new ExecutionPortal();
        var due = (await portal.Executions.ProjectAsync(Actors.Organizer, portal.ProjectId)).ReportDue!.Value;

        portal.SetToday(due);
        Assert.Equal(ExecutionStage.InExecution, (await portal.Executions.ProjectAsync(portal.LeadSponsor, portal.ProjectId)).Stage);
        portal.SetToday(due.AddDays(1));
        Assert.Equal(ExecutionStage.ReportOverdue, (await portal.Executions.ProjectAsync(portal.LeadSponsor, portal.ProjectId)).Stage);
        Assert.Equal(1, (await portal.Executions.CampaignAsync(Actors.Organizer, portal.CampaignId)).Count(ExecutionStage.ReportOverdue));

        await using (var pdf = ExecutionPortal.Pdf())
            await portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, pdf, "总结报告.pdf", pdf.Length);

        var view = await portal.Executions.ProjectAsync(portal.LeadSponsor, portal.ProjectId);
        Assert.Equal(ExecutionStage.Completed, view.Stage);
        Assert.True(view.ReportLate);
        Assert.Equal("总结报告.pdf", view.ReportFileName);
        Assert.False(view.CanRecord);
        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Completed, (await db.Projects.SingleAsync(p => p.Id == portal.ProjectId)).Status);
        Assert.Equal(1, portal.StoredReports());
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.Actor == "sponsor.hyj" && a.EntityType.Contains("Execution", StringComparison.Ordinal));

        // Read-only once completed: neither the record nor another report.
        var again = await Assert.ThrowsAsync<DomainException>(() => portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(view.HeldStart, view.HeldEnd, 10, 1000m, null)));
        Assert.Equal("Execution.AlreadyCompleted", again.Key);
    }

    [Fact]
    public async Task Report_OnTheDueDay_IsOnTime()
    {
        using var portal = new ExecutionPortal();
        var due = (await portal.Executions.ProjectAsync(Actors.Organizer, portal.ProjectId)).ReportDue!.Value;
        portal.SetToday(due);
        await using (var pdf = ExecutionPortal.Pdf())
            await portal.Executions.SubmitReportAsync(Actors.Organizer, portal.ProjectId, pdf, "report.pdf", pdf.Length);
        var view = await portal.Executions.ProjectAsync(Actors.Organizer, portal.ProjectId);
        Assert.Equal(ExecutionStage.Completed, view.Stage);
        Assert.False(view.ReportLate);
    }

    [Fact]
    public async Task Record_ACourseNotYetOver_IsRefused_SoTheReportsDueDateCannotBePushedBack()
    {
        // "Dates held" are past: a last day after today would move the report's due date as far as one liked.
        using var portal = new ExecutionPortal();
        var before = await portal.Executions.ProjectAsync(portal.LeadSponsor, portal.ProjectId);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-1), portal.Today.AddDays(2), 40, 120000m, "still running")));
        Assert.Equal("Execution.HeldInFuture", refusal.Key);
        Assert.Contains("has not come yet", refusal.Message);
        var after = await portal.Executions.ProjectAsync(portal.LeadSponsor, portal.ProjectId);
        Assert.Equal(before.ReportDue, after.ReportDue);
        Assert.Equal(ExecutionStatus.Held, portal.Record().Status);
        Assert.Equal(0, portal.StoredReports());
    }

    public static TheoryData<string, int, int, string, string, string> OutOfBounds => new()
    {
        // start offset, end offset, trainees, cost, note length, expected key
        { "end before start", -3, 40, "1000", "", "Execution.EndBeforeStart" },
        { "no trainees", 2, 0, "1000", "", "Execution.TraineesPositive" },
        { "a trillion yuan", 2, 40, "1000000000000", "", "Execution.CostRange" },
        { "three decimals", 2, 40, "1000.125", "", "Execution.CostRange" },
        { "a 3000-character note", 2, 40, "1000", "3000", "Execution.TooLong" },
        { "a last day still to come", 12, 40, "1000", "", "Execution.HeldInFuture" },
        { "above the contract without a note", 2, 40, "999999", "", "Execution.OverspendNeedsNote" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task Record_OutOfBounds_SaysWhy_AndSavesNothing(string _, int endOffset, int trainees, string cost, string note, string key)
    {
        using var portal = new ExecutionPortal();
        var before = portal.Record();
        var start = portal.Today.AddDays(-10);
        var input = new ExecutionInput(start, start.AddDays(endOffset), trainees, decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture),
            note.Length == 0 ? null : new string('备', int.Parse(note, System.Globalization.CultureInfo.InvariantCulture)));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId, input));
        Assert.Equal(key, refusal.Key);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.DoesNotContain(key, refusal.Message, StringComparison.Ordinal);
        var after = portal.Record();
        Assert.Equal((before.HeldStart, before.HeldEnd, before.Trainees, before.ActualCost, before.Note, before.RecordedAt),
            (after.HeldStart, after.HeldEnd, after.Trainees, after.ActualCost, after.Note, after.RecordedAt));
    }

    [Fact]
    public async Task Record_WithinBounds_IsSaved_WithWhoAndWhen()
    {
        using var portal = new ExecutionPortal();
        var start = portal.Today.AddDays(-12);
        await portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(start, start.AddDays(4), 55, 150000.5m, "  两位学员请假  "));
        var record = portal.Record();
        Assert.Equal((start, start.AddDays(4), 55, 150000.5m, "两位学员请假", "sponsor.hyj"),
            (record.HeldStart!.Value, record.HeldEnd!.Value, record.Trainees!.Value, record.ActualCost!.Value, record.Note, record.RecordedBy));
        Assert.Equal(portal.Clock.GetUtcNow(), record.RecordedAt);
    }

    [Theory]
    [InlineData("other sponsor")]
    [InlineData("institution")]
    [InlineData("evaluator")]
    public async Task Others_AreRefused_OnThePage_TheWrites_AndTheList(string who)
    {
        using var portal = new ExecutionPortal();
        var actor = who switch { "other sponsor" => portal.OtherSponsor, "institution" => portal.Winner, _ => ExecutionPortal.Evaluator };
        var before = portal.Record();

        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.ProjectAsync(actor, portal.ProjectId))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.CampaignAsync(actor, portal.CampaignId))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.RecordHeldAsync(actor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-5), portal.Today.AddDays(-2), 10, 10m, null)))));
        await using var pdf = ExecutionPortal.Pdf();
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
            portal.Executions.SubmitReportAsync(actor, portal.ProjectId, pdf, "report.pdf", pdf.Length))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.OpenReportAsync(actor, portal.ProjectId))));

        var after = portal.Record();
        Assert.Equal((before.Trainees, before.ActualCost, before.Status), (after.Trainees, after.ActualCost, after.Status));
        Assert.Equal(0, portal.StoredReports());
    }

    [Fact]
    public async Task AProjectNotAwarded_HasNoExecution()
    {
        using var portal = new ExecutionPortal();
        await using var db = portal.Factory.CreateDbContext();
        var shortlisted = await db.Projects.AsNoTracking().SingleAsync(p => p.Code == "C-05" && p.CampaignId == portal.CampaignId);
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.ProjectAsync(Actors.Organizer, shortlisted.Id))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => portal.Executions.ProjectAsync(Actors.Organizer, 999_999))));
    }

    public static TheoryData<string, string, int, long?, string> HostileUploads => new()
    {
        // what, name, size, declared length (null: the real one), expected key
        { "an .exe renamed .pdf", "report.pdf", 4000, null, "Upload.NotWhatItSays" },
        { "an empty file", "report.pdf", 0, null, "File.Empty" },
        { "too large", "report.pdf", 2000, Executions.MaxReportBytes + 1, "Upload.TooLarge" },
        { "a spreadsheet", "report.xlsx", 2000, null, "Upload.WrongKind" },
        { "a double extension", "report.exe.pdf", 2000, null, "Upload.DoubleExtension" },
    };

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task HostileReport_IsRefused_AndNothingStored(string what, string name, int size, long? declared, string key)
    {
        using var portal = new ExecutionPortal();
        var bytes = new byte[size];
        if (what.Contains("exe", StringComparison.Ordinal)) { bytes[0] = (byte)'M'; bytes[1] = (byte)'Z'; }
        else if (size > 0) "%PDF-1.4"u8.CopyTo(bytes);
        await using var content = new MemoryStream(bytes);
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, content, name, declared ?? size));
        Assert.Equal(key, refusal.Key);
        Assert.Equal(0, portal.StoredReports());
        Assert.Equal(ExecutionStatus.Held, portal.Record().Status);
    }

    [Fact]
    public async Task OversizeStream_WithAnUnderstatedLength_IsRefusedAsItIsRead()
    {
        using var portal = new ExecutionPortal();
        await using var big = ExecutionPortal.Pdf((int)Executions.MaxReportBytes + 10);
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, big, "report.pdf", 1000));
        Assert.Equal("Upload.TooLarge", refusal.Key);
        Assert.Equal(0, portal.StoredReports());
    }
}
