using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BidPortal.Web.Data;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBidPortalDbContext>
{
    public PostgresBidPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBidPortalDbContext>().UseNpgsql("Host=127.0.0.1;Database=bidportal_design").Options);
}
