using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BidPortal.Domain.Data;

/// <summary>
/// The one context of the portal. Provider-specific subclasses in the web project carry their own
/// migrations (SQLite, PostgreSQL); everything else talks to this type.
/// </summary>
public class BidPortalDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<SponsorUnit> SponsorUnits => Set<SponsorUnit>();
    public DbSet<Filing> Filings => Set<Filing>();
    public DbSet<FilingDocument> FilingDocuments => Set<FilingDocument>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<TenderProject> Projects => Set<TenderProject>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalVersion> ProposalVersions => Set<ProposalVersion>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<ShortlistEntry> ShortlistEntries => Set<ShortlistEntry>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<ExecutionRecord> ExecutionRecords => Set<ExecutionRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Mail.OutgoingMail> OutgoingMails => Set<Mail.OutgoingMail>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the audit log names for changes saved through this context.</summary>
    public string Actor { get; set; } = "system";
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BidPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as their names: a database read by a person (or a report) stays legible.
        builder.Properties<CampaignStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Theme>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<UnitKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<FilingStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ExclusionKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<DocumentKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<InstitutionCategory>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<InvitationBasis>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ProjectStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<InvitationStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<AcknowledgedVia>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<QuestionStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ScoreSheetStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ExecutionStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<Mail.MailStatus>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ReminderKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<decimal>().HavePrecision(18, 4);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, then appends one audit entry per created entity and per status change, chained to
    /// the last entry, in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = CollectAuditedChanges();
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var last = await AuditEntries.OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var (entry, action, details) in changes)
        {
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            last = new AuditEntry(last, now, Actor, action, entry.Metadata.ClrType.Name, key, details);
            AuditEntries.Add(last);
        }
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private List<(EntityEntry Entry, string Action, string Details)> CollectAuditedChanges()
    {
        var changes = new List<(EntityEntry, string, string)>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                // Append-only: the log is never edited or pruned through the application.
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit log is append-only.");
                continue;
            }
            if (entry.Entity is not IAuditable) continue;
            var status = entry.Metadata.FindProperty("Status");
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add((entry, "Created", status is null ? "" : $"{entry.Property(status.Name).CurrentValue}"));
                    break;
                case EntityState.Modified when status is not null && entry.Property(status.Name).IsModified
                    && !Equals(entry.Property(status.Name).OriginalValue, entry.Property(status.Name).CurrentValue):
                    changes.Add((entry, "StatusChanged", $"{entry.Property(status.Name).OriginalValue} -> {entry.Property(status.Name).CurrentValue}"));
                    break;
                case EntityState.Deleted:
                    changes.Add((entry, "Deleted", ""));
                    break;
            }
        }
        return changes;
    }
}
