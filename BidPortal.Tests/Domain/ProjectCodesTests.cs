using BidPortal.Domain.Projects;

namespace BidPortal.Tests.Domain;

public class ProjectCodesTests
{
    [Fact]
    public void Next_AfterC05_IsC06() => Assert.Equal("C-06", ProjectCodes.Next(["C-01", "C-02", "C-05"], 2026));

    [Fact]
    public void Next_WithoutProjects_StartsAtTheCampaignYear() => Assert.Equal("2026-01", ProjectCodes.Next([], 2026));

    [Fact]
    public void Next_FollowsTheMostUsedPrefix_AndSkipsATakenCode() =>
        Assert.Equal("C-04", ProjectCodes.Next(["C-01", "C-02", "X-03", "C-03x", "C-03"], 2026));

    [Fact]
    public void Next_IsNeverACodeAlreadyTaken()
    {
        string[] codes = ["P-01", "P-02", "P-03"];
        Assert.DoesNotContain(ProjectCodes.Next(codes, 2026), codes);
    }
}
