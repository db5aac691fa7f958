/**
 * The body map: a simple figure seen from the front and from the back, with the chosen regions filled in.
 * The drawing is decorative (aria-hidden): the real control is the list of checkboxes (BodyMapField),
 * and the staff summary writes the regions out in words, so keyboards and screen readers miss nothing.
 * Region ids and labels come from the domain (BODY_REGIONS); only the drawing lives here.
 * Left and right are the person's own: on the front view their right side is on the viewer's left.
 */
import type { ReactElement } from 'react';
import { BODY_REGIONS } from '../../domain/intake/story';
import { CheckboxGroup } from './choice-group';

type Shape =
  | { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r?: number };

const e = (cx: number, cy: number, rx: number, ry: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry });
const r = (x: number, y: number, w: number, h: number, rr = 6): Shape => ({ kind: 'rect', x, y, w, h, r: rr });

/** Front view (viewer's left = person's right). */
const FRONT: Record<string, Shape> = {
  head: e(60, 20, 15, 17),
  'face-jaw': e(60, 28, 9, 7),
  chest: r(42, 50, 36, 30),
  belly: r(44, 81, 32, 27),
  'pelvis-groin': r(46, 109, 28, 19),
  'shoulder-right': e(36, 55, 9, 8),
  'shoulder-left': e(84, 55, 9, 8),
  'arm-right': r(24, 63, 12, 58),
  'arm-left': r(84, 63, 12, 58),
  'hand-right': e(29, 131, 7, 10),
  'hand-left': e(91, 131, 7, 10),
  'hip-right': e(40, 118, 6, 10),
  'hip-left': e(80, 118, 6, 10),
  'thigh-right': r(45, 130, 14, 46),
  'thigh-left': r(61, 130, 14, 46),
  'knee-right': e(52, 184, 7, 7),
  'knee-left': e(68, 184, 7, 7),
  'shin-right': r(46, 192, 12, 46),
  'shin-left': r(62, 192, 12, 46),
  'foot-right': e(51, 246, 8, 6),
  'foot-left': e(69, 246, 8, 6),
};

/** Back view (viewer's left = person's left). */
const BACK: Record<string, Shape> = {
  'head-back': e(60, 20, 15, 17),
  neck: r(53, 37, 14, 11, 3),
  'upper-back': r(42, 50, 36, 24),
  'mid-back': r(44, 75, 32, 18),
  'lower-back': r(44, 94, 32, 18),
  'buttock-left': r(44, 113, 15, 19),
  'buttock-right': r(61, 113, 15, 19),
  'back-thigh-left': r(45, 134, 14, 44),
  'back-thigh-right': r(61, 134, 14, 44),
  'calf-left': r(46, 190, 12, 48),
  'calf-right': r(62, 190, 12, 48),
};

/** The outline drawn under the regions, the same for both views. */
const OUTLINE: Shape[] = [
  e(60, 20, 15, 17),
  r(53, 36, 14, 14, 3),
  r(40, 48, 40, 82, 10),
  e(36, 55, 9, 8),
  e(84, 55, 9, 8),
  r(24, 63, 12, 58),
  r(84, 63, 12, 58),
  e(29, 131, 7, 10),
  e(91, 131, 7, 10),
  r(45, 128, 14, 112),
  r(61, 128, 14, 112),
  e(51, 246, 8, 6),
  e(69, 246, 8, 6),
];

function ShapeEl({ shape, className }: { shape: Shape; className: string }): ReactElement {
  return shape.kind === 'ellipse' ? (
    <ellipse className={className} cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} />
  ) : (
    <rect className={className} x={shape.x} y={shape.y} width={shape.w} height={shape.h} rx={shape.r} />
  );
}

function View({ title, shapes, selected, leftMark }: { title: string; shapes: Record<string, Shape>; selected: readonly string[]; leftMark: 'L' | 'R' }): ReactElement {
  return (
    <g>
      {OUTLINE.map((s, i) => (
        <ShapeEl key={i} shape={s} className="body-outline" />
      ))}
      {Object.entries(shapes).map(([id, s]) => (
        <ShapeEl key={id} shape={s} className={selected.includes(id) ? 'body-region body-region--on' : 'body-region'} />
      ))}
      <text x="60" y="268" textAnchor="middle" className="body-caption">
        {title}
      </text>
      <text x="8" y="100" className="body-side">
        {leftMark}
      </text>
      <text x="104" y="100" className="body-side">
        {leftMark === 'L' ? 'R' : 'L'}
      </text>
    </g>
  );
}

interface BodyFigureProps {
  selected: readonly string[];
  /** Which views to draw; both by default. */
  side?: 'front' | 'back' | 'both';
  className?: string;
}

/** Decorative drawing of the chosen regions. Always pair it with the regions in words. */
export function BodyFigure({ selected, side = 'both', className }: BodyFigureProps): ReactElement {
  const both = side === 'both';
  const width = both ? 250 : 120;
  return (
    <svg
      className={['body-figure', both ? 'body-figure--both' : 'body-figure--one', className].filter(Boolean).join(' ')}
      viewBox={`0 0 ${width} 276`}
      aria-hidden="true"
      focusable="false"
    >
      {(side === 'front' || both) && <View title="Front" shapes={FRONT} selected={selected} leftMark="R" />}
      {(side === 'back' || both) && (
        <g transform={both ? 'translate(130 0)' : undefined}>
          <View title="Back" shapes={BACK} selected={selected} leftMark="L" />
        </g>
      )}
    </svg>
  );
}

/** Region labels in words, in the domain's order, grouped front then back. */
export function regionLabels(ids: readonly string[]): { front: string[]; back: string[] } {
  const chosen = BODY_REGIONS.filter((region) => ids.includes(region.id));
  return {
    front: chosen.filter((region) => region.side === 'front').map((region) => region.label),
    back: chosen.filter((region) => region.side === 'back').map((region) => region.label),
  };
}

interface BodyMapFieldProps {
  value: readonly string[];
  onChange: (regions: string[]) => void;
  errors?: string[];
}

/** Checkboxes grouped Front / Back, each beside its figure; the checkboxes are the real control. */
export function BodyMapField({ value, onChange, errors }: BodyMapFieldProps): ReactElement {
  const groups = (['front', 'back'] as const).map((side) => ({
    side,
    ids: BODY_REGIONS.filter((region) => region.side === side).map((region) => region.id),
    choices: BODY_REGIONS.filter((region) => region.side === side).map((region) => ({ value: region.id, label: region.label })),
  }));
  return (
    <div className="body-map">
      {groups.map((g) => (
        <CheckboxGroup
          key={g.side}
          legend={g.side === 'front' ? 'Front of your body' : 'Back of your body'}
          name={`regions-${g.side}`}
          choices={g.choices}
          values={value.filter((v) => g.ids.includes(v))}
          onChange={(chosen) => onChange([...value.filter((v) => !g.ids.includes(v)), ...chosen])}
          errors={g.side === 'front' ? errors : undefined}
          aside={<BodyFigure selected={value} side={g.side} className="body-figure--aside" />}
        />
      ))}
    </div>
  );
}
