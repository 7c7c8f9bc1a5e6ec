/** A loading message that holds its space (no layout shift) and is announced politely. */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="loading" role="status">
      <p className="loading__label">{label}</p>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="loading__line" aria-hidden="true" />
      ))}
    </div>
  );
}
