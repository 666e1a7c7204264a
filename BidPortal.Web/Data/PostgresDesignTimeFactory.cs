using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BidPortal.Web.Data;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBidPortalDbContext>
{
    public PostgresBidPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBidPortalDbContext>().UseNpgsql("Host=127.0.0.1;Database=bidportal_design").Options);
}
