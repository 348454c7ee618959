using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>Every way into the warehouse takes the same load lock as the nightly load: an upload answers 409 while
/// another load holds it (and works once it is free), and `qa load` waits for it, saying so.</summary>
public sealed class LoadsShareTheLockTests
{
    private const string Complaints = "complaint_id,department,received_at,channel,valid\nLK-1,LOG,2026-09-01 10:00,电话,是\n";

    private sealed class ImpatientDashboard : Api.DashboardFactory
    {
        protected override Microsoft.Extensions.Hosting.IHostBuilder CreateHostBuilder() =>
            QualityAnalytics.Web.Host.DashboardHost.CreateBuilder(Options with { UploadLockWait = TimeSpan.FromMilliseconds(300) }, Clock);
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Complaints));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "files", "late.csv" } };
    }

    private static long Batches(QualityAnalytics.Warehouse.Schema.WarehouseDb warehouse)
    {
        using var db = warehouse.CreateContext();
        return db.LoadBatches.LongCount();
    }

    [Fact]
    public async Task An_upload_while_another_load_runs_is_refused_with_409_and_works_once_the_load_is_done()
    {
        using var app = new ImpatientDashboard();
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        var warehouse = app.Service<QualityAnalytics.Warehouse.Schema.WarehouseDb>();
        var before = Batches(warehouse);

        using (LoadLock.Acquire(warehouse, TimeSpan.FromSeconds(60)))
        {
            var refused = await wg.PostAsync("/api/data/uploads", Upload());
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("另一个载入正在进行", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, Batches(warehouse));
        }

        var accepted = await wg.PostAsync("/api/data/uploads", Upload());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(before + 1, Batches(warehouse));
    }

    [Fact]
    public async Task Qa_load_waits_for_a_running_load_and_then_loads()
    {
        using var qa = new CliRun();
        Assert.Equal(0, qa.Run("batches").Exit); // creates the warehouse
        var file = qa.Write("in/late.csv", Complaints);

        Task<(int Exit, string Out, string Error)> load;
        var said = new LiveTranscript();
        using (LoadLock.Acquire(qa.Warehouse, TimeSpan.FromSeconds(60)))
        {
            load = Task.Run(() => qa.Run(said, "load", file));
            // Held until `qa load` says it is waiting (however long it takes to get there on a busy machine).
            for (var tries = 0; !said.ToString().Contains("another load is running", StringComparison.Ordinal); tries++)
            {
                Assert.True(tries < 1200 && !load.IsCompleted, "qa load never said it was waiting: " + said);
                await Task.Delay(50);
            }
            Assert.Equal(0, Batches(qa.Warehouse)); // nothing loaded while the lock is held
        }

        var (exit, _, error) = await load.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(0, exit);
        Assert.Contains("another load is running", error);
        Assert.Equal(1, Batches(qa.Warehouse));
    }
}
