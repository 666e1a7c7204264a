using System.Collections.Frozen;
using System.Globalization;
using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
    public DbSet<Notice.Objection> Objections => Set<Notice.Objection>();
    public DbSet<ExecutionReminderLog> ExecutionReminderLogs => Set<ExecutionReminderLog>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Who the audit log names for changes saved through this context.</summary>
    public string Actor { get; set; } = "system";
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    /// <summary>Signs the audit chain; the portal's context factory sets it (a context without one cannot write audited changes).</summary>
    public AuditKey? AuditKey { get; set; }
    /// <summary>Where the chain's head is recorded outside the database after each commit; none in tests that need none.</summary>
    public IAuditAnchor? AuditAnchor { get; set; }
    /// <summary>
    /// Asked at save time when <see cref="Actor"/> was left at "system": the context Identity's stores use
    /// learns the signed-in person this way, since nobody sets its actor.
    /// </summary>
    public Func<CancellationToken, Task<string?>>? ActorSource { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BidPortalDbContext).Assembly);
        foreach (var type in VersionedTypes) ConfigureConcurrencyToken(builder.Entity(type));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: a database read by a person (or a report) stays legible.
        configurationBuilder.Properties<CampaignStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Theme>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<UnitKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FilingStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ExclusionKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DocumentKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<InstitutionCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<InvitationBasis>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ProjectStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<InvitationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AcknowledgedVia>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<QuestionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ScoreSheetStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ExecutionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Mail.MailStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReminderKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes, their audit entries and everything else added (queued mail) in one transaction.
    /// A record changed by someone else since it was loaded, or a duplicate of a unique value, becomes a
    /// <see cref="DomainException"/> ("Save.Conflict", "Save.Duplicate") a page can show as it is.
    /// </summary>
    /// <remarks>
    /// With audited changes the state change is accepted before the audit entries are written (their ids
    /// are known only then); if the transaction fails after that, the context should be thrown away.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = CollectAuditedChanges();
        BumpVersions();
        try
        {
            return changes.Count == 0
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SaveWithAuditAsync(changes, cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            // Show the person what is stored now, so a second try starts from it.
            foreach (var entry in conflict.Entries) await entry.ReloadAsync(cancellationToken);
            throw new DomainException("Save.Conflict");
        }
        catch (DbUpdateException failure) when (IsUniqueViolation(failure))
        {
            throw new DomainException("Save.Duplicate");
        }
    }

    /// <summary>
    /// Queues an audit entry that no entity change carries (a sign-in); it is written by the next save.
    /// <paramref name="actor"/> overrides <see cref="Actor"/> for this entry.
    /// </summary>
    public void AppendAudit(string action, string entityType, string entityId, string details, string? actor = null) =>
        _appended.Add(new AuditedChange(null, action, entityType, Bound(entityId, 64), Bound(details, DetailsLength), actor is null ? null : Bound(actor, 256)));

    private readonly List<AuditedChange> _appended = [];

    private async Task<int> SaveWithAuditAsync(List<AuditedChange> changes, CancellationToken cancellationToken)
    {
        var key = AuditKey ?? throw new InvalidOperationException(
            "This context has no audit key; create contexts through the portal's context factory.");
        var actor = Actor == "system" && ActorSource is not null ? await ActorSource(cancellationToken) ?? Actor : Actor;
        var ownsTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // Before any write: a writer holding row locks while it waits for the head would deadlock with the head's holder.
        await LockAuditHeadAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);

        var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
        var anchorAgrees = await AnchorAgreesAsync(last, cancellationToken);
        var now = Clock.GetUtcNow();
        var written = new List<AuditEntry>(changes.Count);
        foreach (var change in changes)
        {
            var id = change.EntityId ?? Bound(KeyOf(change.Entry!), 64);
            last = new AuditEntry(last, now, change.Actor ?? Bound(actor, 256), change.Action, change.EntityType, id, change.Details, key);
            written.Add(last);
        }
        AuditEntries.AddRange(written);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        _appended.Clear();
        // The log is append-only: nothing needs them tracked, and a long-lived context (the seeder) stays fast.
        foreach (var entry in written) Entry(entry).State = EntityState.Detached;
        // A head that disagrees with the database is evidence of tampering: it stays until verify-audit reports it.
        // Inside a caller's transaction the commit is not ours; the next save of our own moves the anchor.
        if (ownsTransaction && anchorAgrees) AuditAnchor?.Advance(new AuditHead(last!.Sequence, last.Hash));
        return saved;
    }

    /// <summary>Whether the database still holds the head recorded outside it (false: entries were removed or replaced).</summary>
    private async Task<bool> AnchorAgreesAsync(AuditEntry? last, CancellationToken cancellationToken)
    {
        if (AuditAnchor?.Read() is not { } anchored) return true;
        if (last is null || anchored.Sequence > last.Sequence) return false;
        if (anchored.Sequence == last.Sequence) return anchored.Hash == last.Hash;
        var stored = await AuditEntries.Where(a => a.Sequence == anchored.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
        return stored == anchored.Hash;
    }

    /// <summary>
    /// Serialises appends to the chain inside the save's transaction. SQLite's single writer does it already
    /// (its transactions begin IMMEDIATE); the PostgreSQL context takes an advisory lock.
    /// </summary>
    protected virtual Task LockAuditHeadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the failure is a unique index refusing a duplicate; each provider knows its error codes.</summary>
    protected virtual bool IsUniqueViolation(DbUpdateException failure) => false;

    /// <summary>
    /// The records two people may change at once carry a version: the second save of the same loaded
    /// version fails instead of silently overwriting the first. SQLite: a <see cref="VersionProperty"/>
    /// column the context increments; PostgreSQL overrides this with the row's <c>xmin</c>.
    /// </summary>
    protected virtual void ConfigureConcurrencyToken(EntityTypeBuilder entity) =>
        entity.Property<int>(VersionProperty).IsConcurrencyToken();

    public const string VersionProperty = "Version";

    public static readonly IReadOnlyList<Type> VersionedTypes =
        [typeof(Filing), typeof(TenderProject), typeof(Invitation), typeof(Proposal), typeof(ScoreSheet), typeof(Award),
            typeof(Notice.Objection), typeof(ExecutionRecord)];

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified || entry.Metadata.FindProperty(VersionProperty) is null) continue;
            var version = entry.Property(VersionProperty);
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
    }

    private const int DetailsLength = 2000;
    private const int ValueLength = 200;

    /// <summary>Besides the workflow records (<see cref="IAuditable"/>): who may act, and with which rules.</summary>
    private static bool IsAudited(object entity) =>
        entity is IAuditable or Institution or InstitutionContact or AppUser or IdentityUserRole<string>;

    /// <summary>Identity's secrets and bookkeeping: never written to the log, at most noted as changed.</summary>
    private static readonly FrozenSet<string> Unlogged = new[]
    {
        nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.NormalizedUserName),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.AccessFailedCount), VersionProperty, "xmin",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Secret = new[] { nameof(AppUser.PasswordHash) }.ToFrozenSet(StringComparer.Ordinal);

    private sealed record AuditedChange(EntityEntry? Entry, string Action, string EntityType, string? EntityId, string Details, string? Actor = null);

    private List<AuditedChange> CollectAuditedChanges()
    {
        var changes = new List<AuditedChange>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                // Append-only: the log is never edited or pruned through the application.
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit log is append-only.");
                continue;
            }
            if (!IsAudited(entry.Entity)) continue;
            var type = entry.Entity is IdentityUserRole<string> ? "UserRole" : entry.Metadata.ClrType.Name;
            var status = entry.Metadata.FindProperty("Status");
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new(entry, "Created", type, null, status is null ? Describe(entry) : $"{entry.Property(status.Name).CurrentValue}"));
                    break;
                case EntityState.Modified:
                    // The fields first, the status change last: the newest entry of a transition names it.
                    if (FieldChanges(entry) is { Length: > 0 } fields)
                        changes.Add(new(entry, "Updated", type, null, fields));
                    if (status is not null && entry.Property(status.Name).IsModified
                        && !Equals(entry.Property(status.Name).OriginalValue, entry.Property(status.Name).CurrentValue))
                        changes.Add(new(entry, "StatusChanged", type, null, $"{entry.Property(status.Name).OriginalValue} -> {entry.Property(status.Name).CurrentValue}"));
                    break;
                case EntityState.Deleted:
                    changes.Add(new(entry, "Deleted", type, null, Describe(entry)));
                    break;
            }
        }
        changes.AddRange(_appended);
        return changes;
    }

    /// <summary>"Name: old -> new; …" for every changed field but the status (logged on its own) and the secrets.</summary>
    private static string FieldChanges(EntityEntry entry)
    {
        var parts = new List<string>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!property.IsModified || property.Metadata.IsPrimaryKey() || name == "Status" || Unlogged.Contains(name)) continue;
            if (Equivalent(property.OriginalValue, property.CurrentValue)) continue;
            parts.Add(Secret.Contains(name) ? $"{name}: (changed)" : $"{name}: {Show(property.OriginalValue)} -> {Show(property.CurrentValue)}");
        }
        return Bound(string.Join("; ", parts), DetailsLength);
    }

    /// <summary>A few words that say which user or role a created or removed record is.</summary>
    private string Describe(EntityEntry entry) => entry.Entity switch
    {
        AppUser user => Bound($"{user.UserName}", DetailsLength),
        IdentityUserRole<string> link => Bound(Set<IdentityRole>().Local.FirstOrDefault(r => r.Id == link.RoleId)?.Name ?? link.RoleId, DetailsLength),
        _ => "",
    };

    private static bool Equivalent(object? a, object? b) =>
        Equals(a, b) || (a is System.Collections.IEnumerable x && b is System.Collections.IEnumerable y && a is not string && Show(x) == Show(y));

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string text => Bound(text, ValueLength),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => Bound("[" + string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))) + "]", ValueLength),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Bound(value.ToString() ?? "", ValueLength),
    };

    private static string Bound(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The record's key; a role assignment is filed under its user (the role is in the details).</summary>
    private static string KeyOf(EntityEntry entry) => entry.Entity is IdentityUserRole<string> link ? link.UserId :
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
}
