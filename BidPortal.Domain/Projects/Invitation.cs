using System.Linq.Expressions;
using BidPortal.Domain.Audit;
using BidPortal.Domain.Institutions;

namespace BidPortal.Domain.Projects;

/// <summary>An institution on a project's invitation list, followed from the mail to its acknowledgement.</summary>
public sealed class Invitation : IAuditable
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int InstitutionId { get; private set; }
    public Institution? Institution { get; private set; }
    public InvitationBasis Basis { get; private set; }
    public string? Note { get; private set; }
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? LastDeliveryError { get; private set; }
    public int DeliveryAttempts { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public AcknowledgedVia? AcknowledgedVia { get; private set; }
    public string? PhoneConfirmedBy { get; private set; }
    public DateTimeOffset? PhoneConfirmedAt { get; private set; }
    public string? PhoneNote { get; private set; }
    public int ChaseCount { get; private set; }
    public DateTimeOffset? LastChasedAt { get; private set; }

    public const int NoteMaxLength = 1000;
    public const int LastDeliveryErrorMaxLength = 1000;
    public const int PhoneConfirmedByMaxLength = 100;

    private Invitation() { }

    internal Invitation(TenderProject project, Institution institution, InvitationBasis basis, string? note)
    {
        TenderProjectId = project.Id;
        InstitutionId = institution.Id;
        Institution = institution;
        Basis = basis;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = InvitationStatus.Listed;
    }

    public bool IsActive => Status is not (InvitationStatus.Removed or InvitationStatus.Declined);
    public bool IsAcknowledged => Status == InvitationStatus.Acknowledged;

    /// <summary>
    /// "Invited" means the invitation went out: sent, delivered, acknowledged or declined. A row
    /// still waiting on the list (待发送) or removed from it is not an invitation yet. The funnel,
    /// the project lists, the publish page and the institution's access all count with this.
    /// </summary>
    public static readonly Expression<Func<Invitation, bool>> Invited =
        i => i.Status != InvitationStatus.Listed && i.Status != InvitationStatus.Removed;

    private static readonly Func<Invitation, bool> IsInvitedCompiled = Invited.Compile();
    public bool IsInvited => IsInvitedCompiled(this);

    /// <summary>On the list and not yet sent: publishing (or a late addition's send) will mail it.</summary>
    public static readonly Expression<Func<Invitation, bool>> AwaitingSend = i => i.Status == InvitationStatus.Listed;

    /// <summary>Sent, but nobody at the institution has confirmed receipt: these are chased.</summary>
    public static readonly Expression<Func<Invitation, bool>> AwaitsAcknowledgement =
        i => i.Status == InvitationStatus.Sent || i.Status == InvitationStatus.Delivered;

    private static readonly Func<Invitation, bool> AwaitsAcknowledgementCompiled = AwaitsAcknowledgement.Compile();
    public bool IsAwaitingAcknowledgement => AwaitsAcknowledgementCompiled(this);

    public void Remove(string note)
    {
        if (Status != InvitationStatus.Listed) throw new DomainException("Invitation.AlreadySent");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Invitation.NoteRequired");
        Bounds.Length("Invitation", note, NoteMaxLength, TextField.Note);
        Status = InvitationStatus.Removed;
        Note = note.Trim();
    }

    internal void Restore(InvitationBasis basis, string? note)
    {
        Bounds.Length("Invitation", note, NoteMaxLength, TextField.Note);
        Basis = basis;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = InvitationStatus.Listed;
    }

    /// <summary>Sent again (resend or after an extension): the delivery is tracked anew, an acknowledgement stays.</summary>
    public void MarkResent(TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered or InvitationStatus.Acknowledged))
            throw new DomainException("Invitation.WrongStatus", Status);
        SentAt = clock.GetUtcNow();
        if (Status == InvitationStatus.Delivered) Status = InvitationStatus.Sent;
    }

    /// <summary>
    /// At most one resend and one chase per invitation within this time: mail to outside institutions is
    /// not a button to hold down (a burst of copies gets the portal's domain marked as spam).
    /// </summary>
    public static readonly TimeSpan MailGap = TimeSpan.FromHours(1);

    /// <summary>The organizer sends the invitation again to an institution that has not acknowledged it.</summary>
    public void Resend(TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered)) throw new DomainException("Invitation.NothingToResend", Status);
        var now = clock.GetUtcNow();
        if (SentAt is { } sent && now - sent < MailGap) throw new DomainException("Invitation.SentRecently", sent + MailGap);
        MarkResent(clock);
    }

    /// <summary>Whether a chase may go out now (none within <see cref="MailGap"/>).</summary>
    public bool MayBeChased(DateTimeOffset now) => LastChasedAt is not { } last || now - last >= MailGap;

    public void RecordDeliveryFailure(string error, TimeProvider clock)
    {
        if (Status is InvitationStatus.Removed) throw new DomainException("Invitation.WrongStatus", Status);
        DeliveryAttempts++;
        LastDeliveryError = error.Length > LastDeliveryErrorMaxLength ? error[..LastDeliveryErrorMaxLength] : error;
        SentAt ??= clock.GetUtcNow();
        if (Status == InvitationStatus.Listed) Status = InvitationStatus.Sent;
    }

    public void MarkSent(TimeProvider clock)
    {
        if (Status != InvitationStatus.Listed) throw new DomainException("Invitation.WrongStatus", Status);
        SentAt = clock.GetUtcNow();
        Status = InvitationStatus.Sent;
    }

    /// <summary>The mail server accepted the message. An acknowledgement that came first (by phone) stays.</summary>
    public void MarkDelivered(TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Acknowledged or InvitationStatus.Declined))
            throw new DomainException("Invitation.WrongStatus", Status);
        DeliveryAttempts++;
        DeliveredAt = clock.GetUtcNow();
        LastDeliveryError = null;
        if (Status == InvitationStatus.Sent) Status = InvitationStatus.Delivered;
    }

    public void Acknowledge(AcknowledgedVia via, TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered))
            throw new DomainException(Status == InvitationStatus.Acknowledged ? "Invitation.AlreadyAcknowledged" : "Invitation.WrongStatus", Status);
        AcknowledgedAt = clock.GetUtcNow();
        AcknowledgedVia = via;
        Status = InvitationStatus.Acknowledged;
    }

    /// <summary>The organizer's record of a phone call; it also counts as acknowledgement.</summary>
    public void RecordPhoneConfirmation(string calledBy, DateTimeOffset calledAt, string? note, TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered or InvitationStatus.Acknowledged))
            throw new DomainException("Invitation.WrongStatus", Status);
        if (string.IsNullOrWhiteSpace(calledBy)) throw new DomainException("Field.Required", TextField.CalledBy);
        if (calledAt > clock.GetUtcNow()) throw new DomainException("Invitation.CallInFuture");
        if (!Bounds.InRange(calledAt)) throw new DomainException("Invitation.CallOutOfRange", Bounds.MinDateText, Bounds.MaxDateText);
        Bounds.Length("Invitation", calledBy, PhoneConfirmedByMaxLength, TextField.CalledBy);
        Bounds.Length("Invitation", note, NoteMaxLength, TextField.Note);
        PhoneConfirmedBy = calledBy.Trim();
        PhoneConfirmedAt = calledAt;
        PhoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (Status != InvitationStatus.Acknowledged)
        {
            AcknowledgedAt = calledAt;
            AcknowledgedVia = Projects.AcknowledgedVia.Phone;
            Status = InvitationStatus.Acknowledged;
        }
    }

    public void Decline(TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered or InvitationStatus.Acknowledged))
            throw new DomainException("Invitation.WrongStatus", Status);
        AcknowledgedAt = clock.GetUtcNow();
        Status = InvitationStatus.Declined;
    }

    public void Chase(TimeProvider clock)
    {
        if (Status is not (InvitationStatus.Sent or InvitationStatus.Delivered)) throw new DomainException("Invitation.NothingToChase");
        if (!MayBeChased(clock.GetUtcNow())) throw new DomainException("Invitation.ChasedRecently", LastChasedAt!.Value + MailGap);
        ChaseCount++;
        LastChasedAt = clock.GetUtcNow();
    }
}
