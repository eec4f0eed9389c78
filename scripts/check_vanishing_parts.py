"""
The oracle of test/unit/derive/diagnose/vanishing-parts.test.ts, by SymPy: each numerator there is
free of x (u′ = 0) while u/v is not constant in x (so a step 0 is wrong); each hand-written
derivative of a part that depends on x is right, and the part stays away from 0 on x ∈ (−2, 2),
y ∈ (1, 2); u′/v′ is never the derivative for the pairs the test names; softmax entries off
the diagonal (2 to 4 classes) have a derivative that is not 0. Prints "problems: 0" when all hold.

Usage: .venv/bin/python scripts/check_vanishing_parts.py
"""
import sympy as sp
x,y=sp.symbols('x y')
L={'e':sp.E,'sigma':lambda u:1/(1+sp.exp(-u)),'log':sp.log,'sin':sp.sin,'cos':sp.cos}
S=lambda t: sp.sympify(t.replace('^','**'), locals={**L,'x':x,'y':y})
FREE=["y","e^y","sin(y) + 2","log(1 + y^2)","y^3 + 1","sigma(y)"]
DEP=[("x^2 + 1","2 * x"),("e^x","e^x"),("sin(x) + 2","cos(x)"),("x * y + 5","y"),("e^(x * y)","y * e^(x * y)"),("e^x + e^y","e^x"),("1 + x^4","4 * x^3")]
bad=0
for u in FREE:
    assert sp.diff(S(u),x)==0
    for v,_ in DEP:
        if sp.simplify(sp.diff(S(u)/S(v),x))==0: bad+=1; print('zero derivative',u,v)
for v,dv in DEP:
    if sp.simplify(sp.diff(S(v),x)-S(dv))!=0: bad+=1; print('wrong derivative',v,dv)
    # denominators nonzero on x in (-2,2), y in (1,2): minimum over a grid
    f=sp.lambdify((x,y),S(v)); m=min(abs(f(a/50,1+b/50)) for a in range(-100,101) for b in range(0,51))
    if m<1e-3: bad+=1; print('near zero',v,m)
for u,du in DEP:
    for v,dv in DEP:
        if u==v: continue
        if sp.simplify(sp.diff(S(u)/S(v),x)-S(du)/S(dv))==0: bad+=1; print('u\'/v\' is right',u,v)
z=sp.symbols('z1:5')
for k in (2,3,4):
    s=sum(sp.exp(z[i]) for i in range(k))
    for i in range(k):
        for j in range(k):
            if i!=j and sp.simplify(sp.diff(sp.exp(z[i])/s,z[j]))==0: bad+=1
print('problems:',bad)
