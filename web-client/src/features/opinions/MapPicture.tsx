import { useTranslation } from 'react-i18next';
import type { OpinionMapView } from '../../api/types';


/** The same colours as the api's SVG picture, by group index. */
export const GROUP_COLOURS = ['#1b6ca8', '#d1495b', '#2e933c', '#edae49', '#6c4f99'];
const WIDTH = 400;
const HEIGHT = 300;
const MARGIN = 30;

type Point = [number, number];

/**
 * The groups as outlines around their members, each labelled at its centre, and the caller's own position. A picture
 * for sighted readers: the text beside it (MapText) says the same, so the SVG itself is hidden from screen readers.
 */
export function MapPicture({ map }: { map: OpinionMapView }) {
  const { t } = useTranslation();
  const groups = map.groups ?? [];
  const you = map.you?.position && map.you.position.length === 2 ? map.you.position as Point : null;
  const points: Point[] = [
    ...groups.flatMap((group) => [...(group.hull ?? []), ...(group.centre ? [group.centre] : [])] as Point[]),
    ...(you ? [you] : []),
  ];
  const extent = Math.max(1e-9, ...points.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  const scale = (Math.min(WIDTH, HEIGHT) / 2 - MARGIN) / extent;
  const at = ([x, y]: Point): Point => [WIDTH / 2 + x * scale, HEIGHT / 2 - y * scale];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="opinion-map" aria-hidden="true" data-testid="opinion-map-picture">
      <rect width={WIDTH} height={HEIGHT} fill="#ffffff" stroke="#d0d0d0" />
      {groups.map((group) => {
        const colour = GROUP_COLOURS[(group.id ?? 0) % GROUP_COLOURS.length];
        const hull = (group.hull ?? []) as Point[];
        const centre = group.centre ? at(group.centre as Point) : null;
        return (
          <g key={group.id} data-group={group.label}>
            {hull.length >= 3 && (
              <polygon points={hull.map((p) => at(p).join(',')).join(' ')} fill={colour} fillOpacity={0.25} stroke={colour}
                strokeWidth={2} strokeLinejoin="round" />
            )}
            {hull.length < 3 && hull.map((p, i) => <circle key={i} cx={at(p)[0]} cy={at(p)[1]} r={10} fill={colour} fillOpacity={0.35} />)}
            {centre && (
              <text x={centre[0]} y={centre[1]} textAnchor="middle" dominantBaseline="middle" fontWeight="bold" fill="#212121">
                {group.label}
              </text>
            )}
          </g>
        );
      })}
      {you && (
        <g>
          <circle cx={at(you)[0]} cy={at(you)[1]} r={6} fill="#212121" stroke="#ffffff" strokeWidth={2} />
          <text x={at(you)[0] + 9} y={at(you)[1] - 9} fontSize={13} fill="#212121">{t('opinions.you')}</text>
        </g>
      )}
    </svg>
  );
}
