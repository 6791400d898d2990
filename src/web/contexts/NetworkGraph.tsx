/**
 * The network drawn with Cytoscape.js. Cytoscape draws on a canvas, which a screen reader cannot read:
 * the page gives the same records and links as tables (the text alternative), and this drawing is
 * marked as an image that says so. Nothing here is styled inline: the container's size comes from
 * contexts.css, and Cytoscape's own stylesheet is in JavaScript, drawn on the canvas.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { NetworkView } from './api.ts';
import { KIND_STYLE } from './graph-style.ts';

/**
 * Cytoscape adds a <style> element to the page the first time it draws, which the content security
 * policy (no inline style) refuses. It skips that when an element with this id exists; the rule it
 * would add is in contexts.css instead.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimStylesheet() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  marker.name = 'lantern-cytoscape';
  document.head.appendChild(marker);
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(name)',
      'font-family': 'Arial, sans-serif',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      color: '#0b0c0c',
      width: 28,
      height: 28,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: s.shape, 'background-color': s.colour } as never,
  })),
  {
    selector: 'node.centre',
    style: { width: 40, height: 40, 'border-color': '#0b0c0c', 'border-width': 4, 'font-weight': 'bold' },
  },
  { selector: 'node.child-first', style: { 'border-color': '#1d70b8', 'border-width': 5 } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#505a5f',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      color: '#505a5f',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
    },
  },
  { selector: 'edge.unconfirmed', style: { 'line-style': 'dashed' } },
  { selector: 'edge.out-of-view', style: { 'line-style': 'dotted', 'line-color': '#b1b4b6' } },
];

/** The default export, so the page can load Cytoscape only when a network is shown. */
export default function NetworkGraph({ network }: { network: NetworkView }) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!container.current) return;
    claimStylesheet();
    const maxDepth = Math.max(1, ...network.nodes.map((n) => n.depth));
    const instance = cytoscape({
      container: container.current,
      style: STYLE,
      elements: [
        ...network.nodes.map((n) => ({
          data: { id: n.id, name: n.name, kind: n.kind, depth: n.depth },
          classes: [n.isCentre ? 'centre' : '', n.childFirst ? 'child-first' : ''].filter(Boolean).join(' '),
        })),
        ...network.links.map((l) => ({
          data: {
            id: l.id,
            source: l.from.id,
            target: l.to.id,
            label: `${l.natureLabel} (${l.grading.code})`,
          },
          classes: [l.confirmed ? '' : 'unconfirmed', l.view.inDefaultView ? '' : 'out-of-view']
            .filter(Boolean)
            .join(' '),
        })),
      ],
      layout: {
        name: 'concentric',
        concentric: (node) => maxDepth + 1 - Number(node.data('depth')),
        levelWidth: () => 1,
        minNodeSpacing: 60,
        animate: false,
      },
      wheelSensitivity: 0.3,
    });
    instance.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      const node = network.nodes.find((n) => n.id === id);
      if (node) navigate(node.kind === 'child' ? `/children/${id}` : `/contexts/${id}`);
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, [network, navigate]);

  const zoom = (factor: number) => {
    const c = cy.current;
    if (!c) return;
    c.zoom({ level: c.zoom() * factor, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
  };

  return (
    <div className="lantern-network">
      <div className="govuk-button-group lantern-network__tools">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => zoom(1.25)}>
          Zoom in
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => zoom(0.8)}>
          Zoom out
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => cy.current?.fit(undefined, 30)}
        >
          Fit to the screen
        </button>
      </div>
      <div
        ref={container}
        className="lantern-network__canvas"
        role="img"
        aria-label={`Drawing of the network: ${network.nodes.length} records and ${network.links.length} links. The same records and links are listed in the tables below.`}
      />
    </div>
  );
}
