namespace BidPortal.Domain.Projects;

/// <summary>The code the next consolidated project of a campaign gets.</summary>
public static class ProjectCodes
{
    /// <summary>
    /// "C-06" after "C-05": the most used prefix of the campaign's codes, numbered one past its
    /// highest, skipping a code already taken; "2026-01" when the campaign has no project yet.
    /// </summary>
    public static string Next(IReadOnlyCollection<string> existingCodes, int campaignYear)
    {
        var numbered = existingCodes.Select(c =>
        {
            var cut = c.LastIndexOf('-') + 1;
            return (Prefix: c[..cut], Number: int.TryParse(c[cut..], out var n) ? n : 0);
        }).ToList();
        var prefix = numbered.GroupBy(n => n.Prefix).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? $"{campaignYear}-";
        for (var n = numbered.Where(x => x.Prefix == prefix).Select(x => x.Number).DefaultIfEmpty(0).Max() + 1; ; n++)
            if (!existingCodes.Contains($"{prefix}{n:00}")) return $"{prefix}{n:00}";
    }
}
