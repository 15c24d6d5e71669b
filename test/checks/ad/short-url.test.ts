import { ruleTester } from '../../helpers/rule-tester.js';
import { adRow, workbookOf } from '../../helpers/rows.js';
import { CAMPAIGN_2026_Q2, loadCampaign, type Campaign } from '../../../rules/index.js';

const extra = loadCampaign({ ...CAMPAIGN_2026_Q2, urls: { ...CAMPAIGN_2026_Q2.urls, shortenerHosts: ['s.example'] } });
const custom: Campaign = extra.ok ? extra.campaign : (undefined as never);

ruleTester('ad/short-url', {
  valid: [
    { name: 'the full address', tables: workbookOf({ ads: [adRow()] }) },
    { name: 'a host that only ends like a shortener', tables: workbookOf({ ads: [adRow({ url: 'https://notbit.ly/x' })] }) },
    { name: 'a campaign without bit.ly in its list', tables: workbookOf({ ads: [adRow({ url: 'https://bit.ly/3abc' })] }), options: { campaign: custom } },
  ],
  invalid: [
    { name: 'bit.ly', tables: workbookOf({ ads: [adRow({ url: 'https://bit.ly/3abcDEF' })] }), problems: [{ row: 2, cell: 'F2', column: '廣告網址', data: { host: 'bit.ly' } }] },
    { name: 'reurl.cc in capitals, a subdomain', tables: workbookOf({ ads: [adRow({ url: 'HTTPS://WWW.REURL.CC/abc' })] }), problems: [{ row: 2, cell: 'F2', data: { host: 'www.reurl.cc' } }] },
    { name: 'lin.ee', tables: workbookOf({ ads: [adRow(), adRow({ url: 'https://lin.ee/AbCd' })] }), problems: [{ row: 3, cell: 'F3', data: { host: 'lin.ee' } }] },
    { name: 'the campaign’s own list', tables: workbookOf({ ads: [adRow({ url: 'https://s.example/1' })] }), options: { campaign: custom }, problems: [{ row: 2, cell: 'F2', data: { host: 's.example' } }] },
  ],
});
