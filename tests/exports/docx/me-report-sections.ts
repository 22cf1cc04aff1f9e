/** The M&E report's numbered sections, in the order of the manual's M&E template (issue 16 item 5). */
export const ME_REPORT_SECTIONS = [
  '1 Overview',
  '2 Activity objectives',
  '3 Key performance indicators',
  '4 Planned outputs and deliverables',
  '5 Implementation progress',
  '6 Monitoring and evaluation',
  '7 Stakeholder involvement and coordination',
  '8 Results and impact',
  '9 Budget utilisation',
  '10 Risks that changed',
  '11 Learning',
  '12 Recommendations',
  '13 Prepared and approved by',
];
