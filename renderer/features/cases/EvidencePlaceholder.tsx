// Where the evidence grid goes once ingest exists. It keeps the region, its heading and its test id
// stable, so the grid replaces this component without moving anything around it.
export function EvidencePlaceholder({ itemCount }: { itemCount: number }) {
  return (
    <section className="evidence" aria-labelledby="evidence-title" data-testid="evidence-grid">
      <h2 id="evidence-title" className="section-title">
        Evidence
      </h2>
      <div className="evidence-empty">
        <p>
          {itemCount === 0
            ? 'No evidence in this case yet.'
            : `${itemCount} ${itemCount === 1 ? 'item' : 'items'} in this case.`}
        </p>
        <p className="muted">
          Items arrive with ingest: files and folders brought in here are shown veiled, and nothing
          is revealed unless you ask.
        </p>
      </div>
    </section>
  );
}
