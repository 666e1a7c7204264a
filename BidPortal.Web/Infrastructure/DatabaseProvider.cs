namespace BidPortal.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }
