using BidPortal.Tests.Support;

namespace BidPortal.Tests.Proposals;

/// <summary>One app and inst.sdu signed in, for uploads that must all be refused (so they share it safely).</summary>
public sealed class UploadFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public int ProjectId { get; private set; }
    public (int Proposals, int Versions, int Files) Baseline { get; private set; }

    public async ValueTask InitializeAsync()
    {
        (ProjectId, _) = await Bids.C02Async(Factory);
        Client = await SignIn.ClientAsync(Factory, "inst.sdu");
        Baseline = await Bids.StoredAsync(Factory);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return ValueTask.CompletedTask;
    }
}
