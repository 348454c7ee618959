using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Auth;

/// <summary>Makes the first data-protection key, once, before anything signs a cookie. Data protection makes a key on
/// start when it finds none, and instances starting together on a new database would each make their own: each then
/// signs with its own key and, once its first minutes are over, no longer looks in the database for keys it does not
/// know, so a sign-in on one instance would fail on the others until the daily refresh. Under the startup lock one
/// instance makes the key and the others find it. (Later keys are made days before they take over, time enough for
/// every instance to read them: that is data protection's own rotation.) Registered before anything adds data protection,
/// so that it starts before data protection's own start-up service (hosted services start in registration order).</summary>
internal sealed class DataProtectionKeySeed(IKeyManager keys, IOptions<KeyManagementOptions> options, WarehouseDb warehouse) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var exclusive = StartupLock.Take(warehouse);
        // Data protection's own clock, the wall clock (not the host's injected TimeProvider, which tests set in the past):
        // the key must be active by the time data protection judges it.
        var now = TimeProvider.System.GetUtcNow();
        var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
        if (!usable) keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
