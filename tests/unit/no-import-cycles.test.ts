// Source scan: the modules under src/ import each other without cycles, so each one can be read, loaded and tested
// after the modules it needs, and a layer can never reach back into a module that depends on it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts and .svelte file under src/, as paths relative to the repository root. */
function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|svelte)$/.test(name) ? [relative(ROOT, full)] : [];
  });
}

/** The TypeScript a file runs: the whole of a .ts file, the `<script>` blocks (instance and module) of a .svelte file. */
function scriptOf(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/**
 * The module specifiers a file names: static imports, re-exports and dynamic `import('…')` (a lazily loaded module is
 * still loaded, and a cycle through it is still a cycle). Type-only imports (`import type …`, `export type … from`)
 * count too, although the compiler erases them and they load nothing at run time: a cycle through types still ties
 * two modules' definitions together, so neither can be read or changed without the other.
 */
function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Specifiers that name something other than code (a JSON artifact as a URL, a stylesheet); they import nothing. */
const NOT_CODE = /\?|\.(json|css)$/;

/**
 * The source file a relative specifier names, as the bundler and tsx resolve it: the path as written, `.js` standing
 * for `.ts`, or an extensionless path with `.ts` or `/index.ts` added. Undefined when none of these is a file.
 */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(ROOT, dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit && relative(ROOT, hit);
}

/** The import graph of src/: for each file, the source files it loads, plus any relative specifier left unresolved. */
function importGraph(): { edges: Map<string, string[]>; unresolved: string[] } {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of sourceFiles()) {
    const targets: string[] = [];
    for (const specifier of specifiersOf(file)) {
      if (!specifier.startsWith('.') || NOT_CODE.test(specifier)) continue;
      const target = resolveSpecifier(file, specifier);
      if (target) targets.push(target);
      else unresolved.push(`${file}: ${specifier}`);
    }
    edges.set(file, targets);
  }
  return { edges, unresolved };
}

/**
 * One cycle per strongly connected component that has one (Tarjan's algorithm), each written as the files in import
 * order and back to the first: `a.ts → b.ts → a.ts`.
 */
function cycles(edges: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);

  // Within a component every file reaches every other: walk breadth-first from its first file back to it.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    while (queue.length && last === undefined) {
      const v = queue.shift()!;
      for (const w of edges.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          last = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = last!; v !== start; v = previous.get(v)!) path.splice(1, 0, v);
    return [...path, start].join(' → ');
  });
}

describe('the import graph of src/', () => {
  const { edges, unresolved } = importGraph();

  it('resolves every relative import to a source file (so the cycle check sees every edge)', () => {
    expect(unresolved).toEqual([]);
    expect(edges.size).toBeGreaterThan(100);
  });

  it('has no cycles', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
  });
});
