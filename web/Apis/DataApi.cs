using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Etl.Audit;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Quality;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>The working group's data desk: upload files (size-limited), see batches and their quarantined rows.
/// Upload results name departments' rows, so only the working group and the committee may read them.</summary>
internal static class DataApi
{
    /// <summary>The longest file name most file systems hold, in bytes of UTF-8 (a Chinese character takes three).</summary>
    private const int MaxNameBytes = 255;

    public static void MapDataApi(this RouteGroupBuilder api, ServeOptions options)
    {
        var desk = api.MapGroup("/data").RequireAuthorization(p => p.RequireRole(Roles.WorkingGroup, Roles.Committee));

        desk.MapPost("/uploads", async (HttpRequest request, ClaimsPrincipal user, WarehouseDb warehouse, PolicyProvider policies, TimeProvider clock, LoaderOptions loading,
            IStringLocalizer<SharedResource> text) =>
        {
            if (request.ContentLength > options.MaxUploadBytes) return UploadLimitFilter.TooLarge(options, text);
            if (!request.HasFormContentType) return Results.Problem(text["api.upload.notMultipart"], statusCode: 400);
            IFormCollection form;
            try { form = await request.ReadFormAsync(); }
            catch (BadHttpRequestException) { return UploadLimitFilter.TooLarge(options, text); }
            catch (InvalidDataException) { return UploadLimitFilter.TooLarge(options, text); }
            if (form.Files.Count == 0) return Results.Problem(text["api.upload.none"], statusCode: 400);
            if (form.Files.Sum(f => f.Length) > options.MaxUploadBytes) return UploadLimitFilter.TooLarge(options, text);
            // Files are kept under their own names in one folder: two of one name (from different folders on the
            // user's machine) would overwrite each other. Compared ignoring case: the data folder may be a share that does.
            if (form.Files.GroupBy(f => Path.GetFileName(f.FileName), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return Results.Problem(text["api.upload.sameName", twice.Key, twice.Count()], statusCode: 400);
            // Every name checked before any file is kept: a refused upload leaves nothing behind.
            if (form.Files.Select(f => Path.GetFileName(f.FileName)).FirstOrDefault(n => !TabularFile.IsSupported(n)) is { } unsupported)
                return Results.Problem(text["api.upload.unsupported", unsupported], statusCode: 400);
            // A name the file system cannot hold (more than 255 bytes, as Linux and most shares count them) failed with a 500
            // after the folder was made.
            if (form.Files.Select(f => Path.GetFileName(f.FileName)).FirstOrDefault(n => System.Text.Encoding.UTF8.GetByteCount(n) > MaxNameBytes) is { } tooLong)
                return Results.Problem(text["api.upload.nameTooLong", tooLong[..Math.Min(40, tooLong.Length)] + "…", MaxNameBytes], statusCode: 400);
            // A check ("check only, store nothing") reads its files from a folder of its own that goes when it is done.
            var check = form.TryGetValue("check", out var checkValue) && checkValue == "true";
            // Named after the Asia/Shanghai moment, and unique: two uploads of the same file name in the same millisecond
            // (two users, or a clock that stands still) must not write into, or over, each other's files.
            var folder = check ? Directory.CreateTempSubdirectory("qa-check-").FullName : Path.Combine(options.UploadFolder,
                BusinessTime.LocalNow(clock).ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                Directory.CreateDirectory(folder);
                var paths = new List<string>();
                foreach (var file in form.Files)
                {
                    var path = Path.Combine(folder, Path.GetFileName(file.FileName));
                    await using (var target = File.Create(path)) await file.CopyToAsync(target);
                    paths.Add(path);
                }
                // One load at a time per warehouse (the nightly load on any instance, qa load): wait a little, then say so.
                // A check takes the lock too: its counts are against the warehouse as it is, and it writes (then rolls back).
                LoadLock exclusive;
                try { exclusive = LoadLock.Acquire(warehouse, options.UploadLockWait, request.HttpContext.RequestAborted); }
                catch (Exception e) when (LoadLock.IsBusy(e))
                {
                    return Results.Problem(text["api.upload.busy"],
                        statusCode: StatusCodes.Status409Conflict);
                }
                using (exclusive)
                {
                    var loader = new FileLoader(warehouse, clock, loading with { LoadedBy = user.Identity!.Name! });
                    if (check)
                    {
                        // format=csv|xlsx: the values it would quarantine as a file, for the department, instead of the answer.
                        return form.TryGetValue("format", out var format)
                            ? loader.Check(paths, UploadCheck.Export(format.ToString(), clock, text))
                            : Results.Ok(loader.Check(paths, UploadCheck.View(new ShownValues(text))));
                    }
                    var result = loader.Load(paths);
                    var after = AfterLoad.Run(warehouse, result.BatchId, policies.Current(), clock);
                    return Results.Ok(new
                    {
                        batch_id = result.BatchId,
                        rescored = after.Rescored.Select(q => q.ToString()),
                        // As the batch's detail lists them, so that the upload's result warns of an approved quarter too.
                        quarters = QuartersWritten(warehouse, result.BatchId),
                        files = result.Files.Select(UploadCheck.FileView),
                    });
                }
            }
            finally
            {
                if (check) Directory.Delete(folder, recursive: true);
            }
        }).RequireAuthorization(Roles.CanAdminister).AddEndpointFilter<UploadLimitFilter>().AddEndpointFilter<AntiforgeryFilter>().DisableAntiforgery().WithName("Upload")
          .WithSummary("Upload CSV/XLSX files; they are loaded as one batch, or with check=true only checked (nothing stored; with format=csv|xlsx the values it would quarantine as a file).");

        desk.MapGet("/batches", (WarehouseDb warehouse) =>
        {
            using var db = warehouse.CreateContext();
            return Results.Ok(db.LoadBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(100).ToList());
        }).WithName("Batches");

        // The footer's "data as of" line as the layout writes it, for the data desk to put in after an upload: the page
        // does not reload, and a footer naming the batch before the one just loaded would contradict the list above it.
        desk.MapGet("/as-of", (WarehouseDb warehouse, IStringLocalizer<SharedResource> words) =>
        {
            var asOf = DataFreshness.Latest(warehouse);
            return Results.Ok(asOf is null
                ? new { batch = (long?)null, text = words["Footer.NoData"].Value }
                : new { batch = (long?)asOf.Batch, text = words["Footer.DataAsOf", asOf.Finished, asOf.Batch].Value });
        }).WithName("DataAsOf").WithSummary("The latest load whose data the marts have taken in, as the pages' footer names it.");

        // The warehouse's data tests (qa verify), run when the working group asks: ~6 s over a million complaints.
        desk.MapGet("/tests", (WarehouseDb warehouse) =>
        {
            using var connection = warehouse.OpenReadConnection();
            return Results.Ok(DataTestRunner.Run(connection).Select(r => new
            {
                test = r.Test.Name, model = r.Test.Model, severity = r.Test.SeverityName,
                rule_zh = r.Test.RuleZh, rule_en = r.Test.Rule, status = r.Status, failures = r.Failures, examples = r.Examples,
            }));
        }).WithName("DataTests").WithSummary("Run the warehouse's data tests (as qa verify) and list each with its status and the first breaking rows.");

        desk.MapGet("/batches/{id:long}/files", (long id, WarehouseDb warehouse) =>
        {
            using var db = warehouse.CreateContext();
            var files = db.SourceFiles.AsNoTracking().Where(f => f.BatchId == id).OrderBy(f => f.Id).ToList();
            var text = Text();
            // Each file by its name, and by its path below the folder the batch's files share (BatchFilePaths): the whole
            // path it was loaded from (the inbox, the uploads folder, where `qa load` ran) would show the browser the
            // server's folder layout.
            var paths = BatchFilePaths.Of(db, id);
            return Results.Ok(files.Select(f => new
            {
                f.Id, f.BatchId, f.FileName, Path = paths[f.Id], f.Sheet, f.Kind, f.Sha256, f.SizeBytes, f.Encoding, f.Read, f.Loaded, f.Updated, f.Unchanged,
                f.Quarantined, f.Rejected, Reason = LoadMessages.Localize(f.Reason, text), f.UnknownColumns, f.ElapsedMs,
            }));
        }).WithName("BatchFiles");

        // The quarters whose data the batch wrote (rows added or changed, or moved out of): the ones whose marts the load
        // rebuilt and whose drafts it rescored. A correction of a quarter the committee had approved is what the working
        // group must take back to it, so each says whether it was approved when the batch began (ApprovedQuartersChanged).
        desk.MapGet("/batches/{id:long}/quarters", (long id, WarehouseDb warehouse) => Results.Ok(QuartersWritten(warehouse, id)))
            .WithName("BatchQuarters").WithSummary("The quarters whose data a batch wrote (rows added, changed or moved out of), each with whether the committee had approved it when the batch began.");

        // What the batch's files changed in rows loaded before (row_change), one line per changed column: a corrected file
        // updates rows in place, and the working group needs to see what it altered, not only how many rows.
        desk.MapGet("/batches/{id:long}/changes", (long id, WarehouseDb warehouse, IStringLocalizer<SharedResource> words) =>
        {
            using var db = warehouse.CreateContext();
            var changes = (from c in db.RowChanges.AsNoTracking()
                           join f in db.SourceFiles.AsNoTracking() on c.SourceFileId equals f.Id
                           where c.BatchId == id
                           orderby c.Id
                           select new { c.NaturalKey, c.OldValues, c.NewValues, c.SourceFileId, f.Sheet, f.Kind }).ToList();
            var paths = BatchFilePaths.Of(db, id);
            var shown = new ShownValues(words);
            db.Database.OpenConnection(); // the fields' names are read through it (ChangeFields)
            var fields = new ChangeFields(db.Database.GetDbConnection(), null);
            return Results.Ok(changes.SelectMany(c => ChangeLines.Of(paths[c.SourceFileId], c.Sheet, c.Kind, c.NaturalKey, fields.Of(c.Kind, c.OldValues, c.NewValues), shown)).ToList());
        }).WithName("BatchChanges").WithSummary("The changes a batch made to rows loaded before: key, column, old and new value, file.");

        // The rows a batch loaded with a warning (load_warning): counted on each file's line, listed here with the message.
        desk.MapGet("/batches/{id:long}/warnings", (long id, WarehouseDb warehouse) =>
        {
            using var db = warehouse.CreateContext();
            var text = Text();
            var kindOf = db.SourceFiles.AsNoTracking().Where(f => f.BatchId == id).ToDictionary(f => f.Id, f => f.Kind);
            var paths = BatchFilePaths.Of(db, id);
            var warnings = db.LoadWarnings.AsNoTracking().Where(w => w.BatchId == id).OrderBy(w => w.SourceFileId).ThenBy(w => w.Line).ThenBy(w => w.Id).ToList();
            return Results.Ok(warnings.Select(w => new
            {
                file = w.File, path = paths[w.SourceFileId], sheet = w.Sheet, line = w.Line, column = FieldLabels.OfRecorded(kindOf.GetValueOrDefault(w.SourceFileId), w.Column, CultureInfo.CurrentUICulture),
                value = w.Value, message = LoadMessages.Localize(w.Message, text),
            }));
        }).WithName("BatchWarnings").WithSummary("The rows a batch loaded with a warning: file, line, field, value and the warning.");

        desk.MapGet("/batches/{id:long}/quarantine", (long id, string? format, WarehouseDb warehouse, TimeProvider clock, IStringLocalizer<SharedResource> messages) =>
        {
            using var db = warehouse.CreateContext();
            var text = Text();
            var listings = QuarantineExport.Rows(db, id);
            var rows = listings.Select(l => l.Row).ToList();
            // The contract's name of each row's column (score for 得分), taken before the column becomes the page's label.
            var keys = listings.ToDictionary(l => l.Row.Id, l => l.ColumnKey);
            var paths = BatchFilePaths.Of(db, id);
            foreach (var l in listings) // untracked: never saved
            {
                l.Row.Reason = LoadMessages.Localize(l.Row.Reason, text)!;
                l.Row.Column = FieldLabels.OfRecorded(l.Kind, l.Row.Column, CultureInfo.CurrentUICulture);
            }
            // The row's fields as they were, and the path that tells two files of one name apart (last in the export, as
            // in `qa quarantine --out`).
            if (format is null)
                return Results.Ok(rows.Select(r => new { r.Id, r.BatchId, r.SourceFileId, r.File, Path = paths[r.SourceFileId], r.Sheet, r.Line, r.Column, ColumnKey = keys[r.Id], r.Value, r.Reason }));
            return Exports.File(format, $"quarantine-batch-{id}", messages["api.quarantine.header"].Value.Split(','),
                rows.Select(r => new object?[] { r.BatchId, r.File, r.Sheet, r.Line, r.Column, r.Value, r.Reason, paths[r.SourceFileId] }), clock, messages);
        }).WithName("Quarantine");
    }

    /// <summary>The loader records its messages in English; the desk shows them in the request's language.</summary>
    internal static ReportText Text() => new(CultureInfo.CurrentUICulture);

    /// <summary>The quarters whose data a batch wrote, each with whether the committee had approved it when the batch
    /// began: one list for the batch's detail and for the answer to the upload that made the batch.</summary>
    private static object[] QuartersWritten(WarehouseDb warehouse, long batchId)
    {
        using var db = warehouse.CreateContext();
        var approved = ApprovedQuartersChanged.ApprovedBefore(db, batchId);
        return [.. SummaryMartRefresher.QuartersTouchedBy(db, batchId).Select(q => (object)new { quarter = q.ToString(), approved = approved.Contains(q.Key) })];
    }
}
