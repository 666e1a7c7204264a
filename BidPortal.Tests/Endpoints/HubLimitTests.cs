using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BidPortal.Tests.Endpoints;

/// <summary>A pasted text of 20,000 Chinese characters (~60 KB as UTF-8) must reach the circuit, not drop it at SignalR's 32 KB default.</summary>
public sealed class HubLimitTests
{
    [Fact]
    public void TheBlazorHub_Accepts512KB()
    {
        using var factory = new PortalFactory(seeded: false);
        var hub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub));
        var options = (HubOptions)optionsType.GetProperty("Value")!.GetValue(factory.Services.GetRequiredService(optionsType))!;
        Assert.Equal(PortalSetup.MaxHubMessageBytes, options.MaximumReceiveMessageSize);
        Assert.True(options.MaximumReceiveMessageSize > System.Text.Encoding.UTF8.GetByteCount(new string('培', 20_000)) * 2);
    }
}
