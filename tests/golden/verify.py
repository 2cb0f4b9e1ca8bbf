# Independent check of tests/golden/*.txt: python3 tests/golden/verify.py (prints ALL OK and
# exits 0; `make test` runs it). Every golden file must have a case here.
from decimal import Decimal as D, ROUND_HALF_UP, getcontext
import re, sys
getcontext().prec = 60
def r2(x): return x.quantize(D('0.01'), rounding=ROUND_HALF_UP)
def sched(P, mr, n, method, each=D(0), atend=D(0), pre=None):
    # mr: monthly rate fraction (exact); returns rows (payment, principal, interest, fees, balance)
    P=D(P); bal=P; rows=[]
    pmt = lambda B,k: r2(B*mr/(1-(1+mr)**-k)) if mr else r2(B/k)
    lvl = pmt(P,n) if method=='annuity' else r2(P/n)
    for k in range(1,n+1):
        it = r2(bal*mr)
        if method=='annuity': pr=max(lvl-it,D(0))
        elif method=='ep': pr=lvl
        elif method=='io': pr=D(0)
        elif method=='flat': pr=lvl; it=r2(P*mr)
        elif method=='bullet': pr=D(0); it = r2(P*mr*n) if k==n else D(0)
        if k==n or pr>=bal: pr=bal
        then=None
        if pre and pre[0]==k: pr=min(pr+pre[1],bal); then=pre[2]
        bal-=pr; fees = each+atend if bal==0 else each
        rows.append((pr+it+fees,pr,it,fees,bal))
        if bal==0: break
        if then=='lower': lvl = pmt(bal,n-k) if method=='annuity' else lvl
    return rows
def irr(received, pays):
    lo,hi=D('-0.99'),D('10')
    f=lambda i: received - sum(p/(1+i)**(k+1) for k,p in enumerate(pays))
    for _ in range(200):
        m=(lo+hi)/2
        if f(m)>0: hi=m
        else: lo=m
    return m
def parse(path):
    rows=[]; apr=None
    for l in open(path):
        m=re.match(r'\s+\d+\s+\S+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$', l)
        if m: rows.append(tuple(D(x) for x in m.groups()))
        m=re.match(r'apr periodic ([\d.]+) %  nominal ([\d.]+) %  effective ([\d.]+) %',l)
        if m: apr=tuple(D(x) for x in m.groups())
    return rows,apr
import os; G=os.path.dirname(os.path.abspath(__file__))+'/'
cases = {
 'annuity_numpy_ipmt': (D(2500), sched('2500', D('8.24')/1200, 12,'annuity')),
 'equal_principal_month_end': (D(12000), sched('12000', D(6)/1200, 12,'ep')),
 'interest_only_fees': (D(10000), sched('10000', D(12)/1200, 6,'io',D(10),D(50))),
 'bullet_upfront_fee': (D(9800), sched('10000', D(12)/1200, 12,'bullet')),
 'flat_d4': (D(10000), sched('10000', D('0.6')/100, 12,'flat')),
 'annuity_kantouxi_d9': (D(9000), sched('10000', D(12)/1200, 12,'annuity')),
 'prepayment_shorten_term': (D(12000), sched('12000', D(12)/1200, 12,'annuity',pre=(3,D(3000),'shorten'))),
 'prepayment_lower_payment': (D(12000), sched('12000', D(12)/1200, 12,'annuity',pre=(3,D(3000),'lower'))),
 'zero_rate': (D(1000), sched('1000', D(0), 3,'annuity')),
}
ok=True
files = sorted(f[:-4] for f in os.listdir(G) if f.endswith('.txt'))
if files != sorted(cases):
    print('golden files without a case here, or cases without a file:', sorted(set(files) ^ set(cases)))
    ok = False
for name,(rec,rows) in cases.items():
    g,apr=parse(G+name+'.txt')
    same = g==rows
    i=irr(rec,[r[0] for r in rows])
    mine=(r2(i*100*100)/100, None)
    per=(i*100).quantize(D('0.0001'),ROUND_HALF_UP); nom=(i*1200).quantize(D('0.0001'),ROUND_HALF_UP); eff=(((1+i)**12-1)*100).quantize(D('0.0001'),ROUND_HALF_UP)
    paying=[k for k,r in enumerate(rows,1) if r[0]!=0]
    if len(paying)==1 and paying[0]==len(rows) and len(rows)<=12:
        # Reg Z Appendix J unit period: one payment, the unit is its term.
        n=len(rows); u=rows[-1][0]/rec-1
        per=(u*100).quantize(D('0.0001'),ROUND_HALF_UP); nom=(u*12/n*100).quantize(D('0.0001'),ROUND_HALF_UP); eff=(((1+u)**(D(12)/n)-1)*100).quantize(D('0.0001'),ROUND_HALF_UP)
    aprok = apr==(per,nom,eff)
    print(name, 'rows', 'OK' if same else 'DIFF', 'apr', 'OK' if aprok else f'DIFF {apr} vs {(per,nom,eff)}', 'sum P', sum(r[1] for r in rows), 'sum I', sum(r[2] for r in rows))
    ok &= same and aprok
    if not same:
        for a,b in zip(g,rows):
            if a!=b: print('  golden',a,'python',b)
print('ALL OK' if ok else 'MISMATCH')
sys.exit(0 if ok else 1)
