// Pins format detection: content first, then extension, then CSV.
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';
import { detectFormat, extensionOf } from './detect.ts';

describe('detectFormat', () => {
  it('recognises GEXF and GraphML by their root element, prefixed or not, whatever the extension', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<!-- x -->\n<gexf version="1.2">', 'a.graphml')).toBe('gexf');
    expect(detectFormat('<g:graphml xmlns:g="x">', 'a.xml')).toBe('graphml');
  });

  it('tells our JSON from graphology JSON by its format key', () => {
    expect(detectFormat('{\n  "format": "kg-compiled",\n  "version": 1', 'a.json')).toBe('kg-json');
    expect(detectFormat('{"nodes": [], "edges": []}', 'a.txt')).toBe('graphology-json');
    expect(detectFormat('  [1, 2]', 'a.csv')).toBe('graphology-json');
  });

  it('falls back on the extension, then on CSV', () => {
    expect(detectFormat('garbage', 'x.gexf')).toBe('gexf');
    expect(detectFormat('source,target\na,b', 'edges.csv')).toBe('csv');
    expect(detectFormat('source\ttarget', 'noext')).toBe('csv');
  });
});

describe('extensions that are Object members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('treats .%s as unknown and decides by content', (ext) => {
    expect(detectFormat('source,target\na,b', `edges.${ext}`)).toBe('csv');
    expect(detectFormat('<gexf><graph/></gexf>', `g.${ext}`)).toBe('gexf');
  });

  it('imports a valid CSV named edges.constructor into a graph the worker can post back', () => {
    const result = importGraph('source,target\na,b\n', { fileName: 'edges.constructor' });
    expect(result.graph.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(structuredClone(result)).toEqual(result);
  });
});

describe('extensionOf', () => {
  it('returns the lower-case extension or nothing', () => {
    expect(extensionOf('Graph.GEXF')).toBe('gexf');
    expect(extensionOf('README')).toBe('');
  });
});
