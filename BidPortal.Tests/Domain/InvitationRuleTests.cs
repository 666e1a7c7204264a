using BidPortal.Domain.Institutions;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class InvitationRuleTests
{
    private readonly Institution _university = Build.Institution("SDU", InstitutionCategory.ComprehensiveUniversity);
    private readonly Institution _financeInstitute = Build.Institution("XNAI", InstitutionCategory.SpecialisedInstitute, "finance", "accounting", "audit");

    [Theory]
    [InlineData("finance")]
    [InlineData("accounting")]
    [InlineData("AUDIT")]
    public void FinanceInstitute_IsInvited_ToFinanceAccountingOrAuditProjects(string tag)
    {
        var decision = InvitationRule.Decide(_financeInstitute, [tag, "economy"]);
        Assert.True(decision.Invited);
        Assert.Equal(InvitationBasis.SharedTag, decision.Basis);
        Assert.Equal([tag.ToLowerInvariant()], decision.SharedTags);
    }

    [Theory]
    [InlineData("ocean")]
    [InlineData("law")]
    public void FinanceInstitute_IsNotInvited_ToOtherProjects(string tag) =>
        Assert.False(InvitationRule.Decide(_financeInstitute, [tag]).Invited);

    [Theory]
    [InlineData("ocean")]
    [InlineData("finance")]
    [InlineData("county-governance")]
    public void ComprehensiveUniversity_IsInvited_ToEveryProject(string tag)
    {
        var decision = InvitationRule.Decide(_university, [tag]);
        Assert.Equal((true, InvitationBasis.Comprehensive), (decision.Invited, decision.Basis));
    }

    [Fact]
    public void InactiveInstitution_IsNotInvited()
    {
        _university.Deactivate();
        Assert.False(InvitationRule.Decide(_university, ["finance"]).Invited);
    }
}
