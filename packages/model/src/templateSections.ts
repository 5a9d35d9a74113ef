import type { Bilingual, SectionKind } from './declarationLayout';
import type { BlockSpec } from './writeBlocks';

export interface SectionTemplate {
  id: string;
  kind: SectionKind;
  title: Bilingual;
  blocks: BlockSpec[];
}

const p = (fr: string, ja: string): BlockSpec => ({ type: 'paragraph', text: { fr, ja } });
const h = (fr: string, ja: string): BlockSpec => ({ type: 'heading', level: 3, text: { fr, ja } });
const bullets = (...items: Array<[string, string]>): BlockSpec => ({ type: 'bulletList', items: items.map(([fr, ja]) => ({ fr, ja })) });
const numbered = (...items: Array<[string, string]>): BlockSpec => ({ type: 'orderedList', items: items.map(([fr, ja]) => ({ fr, ja })) });

/**
 * The usual structure of a final declaration of the Rencontres franco-japonaises de la
 * coopération décentralisée — preamble, context, theme, plenary, three workshops, numbered
 * commitments, next meeting — with a first draft in both languages for the committees to rewrite.
 * The text is ours, written after the shape of past declarations; the narrow no-break space
 * (U+202F) before « : ; ? ! » and inside guillemets follows French typography.
 */
export const TEMPLATE_SECTIONS: readonly SectionTemplate[] = [
  {
    id: 'preamble',
    kind: 'preamble',
    title: { fr: 'Préambule', ja: '前文' },
    blocks: [
      p(
        'Nous, représentants et représentantes de 35 collectivités locales japonaises et de 19 collectivités locales françaises, réunis à Cannes du 16 au 19 novembre 2026 pour les 9e Rencontres franco-japonaises de la coopération décentralisée, adoptons la «\u202fDéclaration de Cannes\u202f» suivante\u202f:',
        '我々、日本の35の地方自治体及びフランスの19の地方自治体の代表は、2026年11月16日から19日まで、第9回日仏自治体交流会議のためにカンヌに集い、以下の「カンヌ宣言」を採択する。',
      ),
    ],
  },
  {
    id: 'context',
    kind: 'context',
    title: { fr: 'Contexte', ja: '背景' },
    blocks: [
      p(
        'Depuis les 1res Rencontres tenues à Nancy en 2008, les éditions se sont succédé tour à tour au Japon et en France, élargissant sans cesse le cercle des collectivités jumelées et des acteurs de la diplomatie locale.',
        '2008年にナンシーで開催された第1回会議以来、本会議は日本とフランスで交互に開催され、姉妹都市提携を結ぶ自治体や地域外交の担い手の輪を広げてきた。',
      ),
      p(
        'Le Japon et la France entretiennent depuis 2013 un «\u202fpartenariat d’exception\u202f» fondé sur des valeurs partagées, dont les Rencontres sont l’un des piliers.',
        '日本とフランスは2013年以来、共通の価値観に基づく「特別なパートナーシップ」を築いており、本会議はその柱の一つである。',
      ),
    ],
  },
  {
    id: 'theme',
    kind: 'theme',
    title: { fr: 'Thème', ja: 'テーマ' },
    blocks: [
      p(
        'Nous avons choisi pour thème des 9e Rencontres «\u202fLes collectivités, actrices de la transition et du lien entre les générations\u202f».',
        '第9回会議のテーマを「移行と世代間のつながりを担う自治体」とした。',
      ),
    ],
  },
  {
    id: 'plenary',
    kind: 'plenary',
    title: { fr: 'Séance plénière', ja: '全体会合' },
    blocks: [
      p(
        'La séance plénière s’est articulée autour de deux panels, au cours desquels élus et acteurs de terrain des deux pays ont partagé leurs initiatives.',
        '全体会合は二つのパネルディスカッションで構成され、両国の首長と現場の関係者がそれぞれの取組を共有した。',
      ),
    ],
  },
  workshop(
    1,
    ['Économie – Attractivité et ressources locales', '経済 ― 地域の魅力と地域資源'],
    [
      'Les participants ont présenté des stratégies de mise en valeur des produits du terroir, du saké de Fushimi aux vins de Provence, et des savoir-faire artisanaux qui font l’attractivité d’un territoire.',
      '参加者は、伏見の日本酒からプロヴァンスのワインまで、地域の特産品や、地域の魅力を形づくる伝統工芸の技をいかす戦略を紹介した。',
    ],
    [
      [
        'Soutenir les entreprises locales qui exportent vers la collectivité partenaire, notamment par des missions économiques conjointes.',
        '合同の経済ミッションなどを通じて、パートナー自治体への輸出に取り組む地元企業を支援する。',
      ],
      [
        'Développer un tourisme durable qui répartisse les visiteurs au-delà des sites les plus fréquentés.',
        '観光客が有名な観光地以外にも分散するよう、持続可能な観光を推進する。',
      ],
    ],
  ),
  workshop(
    2,
    ['Société – Une société inclusive et solidaire', '社会 ― 包摂的で連帯する社会'],
    [
      'Face au vieillissement de la population, commun à nos deux pays, l’atelier a comparé les maisons de quartier françaises et les salons communautaires japonais où se retrouvent les générations.',
      '両国に共通する高齢化を踏まえ、分科会では、世代を超えて人々が集うフランスの地域センターと日本の地域サロンを比較した。',
    ],
    [
      [
        'Encourager l’engagement bénévole des seniors dans l’accompagnement scolaire et l’accueil des nouveaux habitants.',
        '高齢者が学習支援や新住民の受け入れにボランティアとして参加することを奨励する。',
      ],
      [
        'Rendre les services publics accessibles aux personnes en situation de handicap et aux résidents étrangers, dans leur langue.',
        '障害のある人や外国人住民が、それぞれの言語で行政サービスを利用できるようにする。',
      ],
    ],
  ),
  workshop(
    3,
    ['Environnement – Neutralité carbone et qualité de vie', '環境 ― カーボンニュートラルと生活の質'],
    [
      'Les collectivités ont partagé leurs plans pour atteindre la neutralité carbone en 2050\u202f: réseaux de chaleur, rénovation des écoles, transports en commun et préservation des forêts.',
      '各自治体は、2050年のカーボンニュートラル実現に向けた計画として、地域熱供給、学校の改修、公共交通、森林の保全などの取組を共有した。',
    ],
    [
      [
        'Échanger les données et les méthodes de suivi des émissions entre collectivités partenaires.',
        'パートナー自治体間で、温室効果ガス排出量の把握に関するデータと手法を交換する。',
      ],
      [
        'Associer les habitants, et d’abord les jeunes, aux décisions sur l’adaptation au changement climatique.',
        '気候変動への適応に関する意思決定に、若者をはじめとする住民の参画を促す。',
      ],
    ],
  ),
  {
    id: 'conclusion',
    kind: 'conclusion',
    title: { fr: 'Conclusion', ja: '結び' },
    blocks: [
      p(
        'Reconnaissant que le partage des connaissances des deux pays est profitable à chacune de nos collectivités, nous avons convenu de promouvoir les initiatives suivantes\u202f:',
        '両国の知見を共有することが各自治体にとって有益であることを認識し、我々は以下の取組を推進することで合意した。',
      ),
      numbered(
        [
          'Chaque collectivité intégrera dans ses politiques les connaissances acquises lors de ces Rencontres, selon les besoins de son territoire.',
          '各自治体は、本会議で得た知見を地域の実情に応じて自らの政策に取り入れる。',
        ],
        [
          'Chaque collectivité encouragera les échanges de jeunes, d’agents et de citoyens avec ses partenaires.',
          '各自治体は、パートナー自治体との青少年、職員及び市民の交流を促進する。',
        ],
        [
          'Chaque collectivité participera aux Rencontres comme plate-forme de partage des politiques publiques.',
          '各自治体は、政策共有の場として本会議に参加する。',
        ],
      ),
    ],
  },
  {
    id: 'closing',
    kind: 'closing',
    title: { fr: 'Prochaines Rencontres', ja: '次回会議' },
    blocks: [
      p(
        'Nous nous engageons à organiser les 10es Rencontres franco-japonaises de la coopération décentralisée au Japon en 2028 et à nous y retrouver.',
        '我々は、第10回日仏自治体交流会議を2028年に日本で開催し、再会することを約束する。',
      ),
    ],
  },
];

/** A workshop: what was discussed, then its conclusions as a list. */
function workshop(n: 1 | 2 | 3, [fr, ja]: [string, string], summary: [string, string], conclusions: Array<[string, string]>): SectionTemplate {
  return {
    id: `workshop-${n}`,
    kind: 'workshop',
    title: { fr: `Atelier ${n}\u202f: ${fr}`, ja: `分科会${'一二三'[n - 1]}：${ja}` },
    blocks: [p(...summary), h('Conclusions de l’atelier', '分科会の結論'), bullets(...conclusions)],
  };
}
