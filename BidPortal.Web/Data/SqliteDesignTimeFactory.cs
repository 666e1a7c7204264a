using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BidPortal.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBidPortalDbContext>
{
    public SqliteBidPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBidPortalDbContext>().UseSqlite("Data Source=design.db").Options);
}
