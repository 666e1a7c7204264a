using BidPortal.Domain.Institutions;

namespace BidPortal.Tests.Domain;

public class SpecialtyTagsTests
{
    [Theory]
    [InlineData("ocean, Fisheries")]
    [InlineData("ocean，fisheries")]
    [InlineData(" OCEAN ; fisheries ;; ocean")]
    [InlineData("fisheries；ocean")]
    [InlineData("fisheries、ocean")]
    public void Parse_SplitsOnEitherScriptsSeparators_AndNormalises(string typed) =>
        Assert.Equal(["fisheries", "ocean"], SpecialtyTags.Parse(typed));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" , ；")]
    public void Parse_OfNothing_IsNoTags(string? typed) => Assert.Empty(SpecialtyTags.Parse(typed));

    [Fact]
    public void ForSystems_GivesTheUnitsSystemsTags_WithoutRepeats() =>
        Assert.Equal(["finance", "accounting", "audit"], SpecialtyTags.ForSystems(["finance", "audit", "finance", "unknown"]));

    [Fact]
    public void ForSystems_RoutesAFinanceProjectToTheFinanceInstitute()
    {
        var institute = new Institution("XNAI", "厦门国家会计学院", "XNAI", InstitutionCategory.SpecialisedInstitute, ["accounting"]);
        Assert.True(InvitationRule.Decide(institute, SpecialtyTags.ForSystems(["finance"])).Invited);
    }

    [Fact]
    public void Tags_typed_by_their_names_in_either_language_read_as_the_tags_in_the_directory_and_the_merge_form_alike() =>
        Assert.Equal(["audit", "finance", "newtopic"], BidPortal.Domain.Institutions.SpecialtyTags.Parse("财政金融、Audit, newtopic"));
}
