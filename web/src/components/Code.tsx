// An identifier from the strategy (queue ids, phone numbers): always shown
// left-to-right and isolated, so it stays readable inside Persian text.
export function Code({ children }: { children: string }) {
  return (
    <code dir="ltr" class="ident">
      {children}
    </code>
  );
}

// A comma-separated list of identifiers.
export function CodeList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <span class="muted">{empty}</span>;
  return (
    <span class="code-list">
      {items.map((s) => (
        <Code>{s}</Code>
      ))}
    </span>
  );
}
