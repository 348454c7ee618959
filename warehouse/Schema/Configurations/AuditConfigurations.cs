using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QualityAnalytics.Warehouse.Schema.Configurations;

internal sealed class LoadBatchConfiguration : IEntityTypeConfiguration<LoadBatch>
{
    public void Configure(EntityTypeBuilder<LoadBatch> b)
    {
        b.ToTable("load_batch", t => t.HasComment("One row per load."));
        b.HasKey(x => x.Id);
    }
}

internal sealed class SourceFileConfiguration : IEntityTypeConfiguration<SourceFile>
{
    public void Configure(EntityTypeBuilder<SourceFile> b)
    {
        b.ToTable("source_file", t => t.HasComment("One row per file or workbook sheet in a batch."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.BatchId);
        b.HasIndex(x => x.Sha256);
        b.HasOne<LoadBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuarantinedRowConfiguration : IEntityTypeConfiguration<QuarantinedRow>
{
    public void Configure(EntityTypeBuilder<QuarantinedRow> b)
    {
        b.ToTable("quarantined_row", t => t.HasComment("One row per rejected row."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.BatchId);
        b.HasOne<SourceFile>().WithMany().HasForeignKey(x => x.SourceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoadWarningConfiguration : IEntityTypeConfiguration<LoadWarning>
{
    public void Configure(EntityTypeBuilder<LoadWarning> b)
    {
        b.ToTable("load_warning", t => t.HasComment("One row per data warning on a row that loaded."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.BatchId);
        b.HasOne<SourceFile>().WithMany().HasForeignKey(x => x.SourceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RowChangeConfiguration : IEntityTypeConfiguration<RowChange>
{
    public void Configure(EntityTypeBuilder<RowChange> b)
    {
        b.ToTable("row_change", t => t.HasComment("One row per update of an existing row by natural key."));
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TableName, x.NaturalKey });
        // A batch's changes are read after every load (the quarters a correction moved facts out of: AfterLoad) and by the
        // data desk's change list; without it each read scans the whole history. Batch ids only grow: appends.
        b.HasIndex(x => x.BatchId);
    }
}
