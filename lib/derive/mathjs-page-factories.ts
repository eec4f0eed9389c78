// @ts-nocheck -- mathjs exports every factory (lib/esm/factoriesAny.js), but its types declare none of them
/**
 * The mathjs factories of the page's verifier, re-exported one by one so that esbuild keeps
 * these and drops the rest of mathjs: the factories lib/derive/mathjs-parts.ts's
 * `factories(VERIFIER_FACTORIES)` makes Node's instances of, that is every factory the
 * verifier's `…Dependencies` maps reach except mathjs's Unit type and what only it needs
 * (mathjs-parts.ts's LEFT_OUT). Only mathjs-parts.browser.ts imports this file.
 * test/unit/derive/mathjs-parts.test.ts checks that the list is exactly Node's set.
 */
export {
  createAbs, createAccessorNode, createAcos, createAcosh, createAcot, createAcoth, createAcsc, createAcsch,
  createAdd, createAddScalar, createAnd, createArrayNode, createAsec, createAsech, createAsin, createAsinh,
  createAssignmentNode, createAtan, createAtanh, createBigNumberClass, createBignumber, createBlockNode, createCbrt,
  createCompile, createComplex, createComplexClass, createConcat, createConditionalNode, createConj,
  createConstantNode, createCos, createCosh, createCot, createCoth, createCsc, createCsch, createCube,
  createDenseMatrixClass, createDerivative, createDet, createDivide, createDivideScalar, createDot, createE,
  createEqual, createEqualScalar, createExp, createExpm1, createFraction, createFractionClass,
  createFunctionAssignmentNode, createFunctionNode, createIdentity, createIndexNode, createInfinity, createInv,
  createIsBounded, createIsInteger, createIsNaN, createIsNegative, createIsZero, createLN10, createLN2, createLOG10E,
  createLOG2E, createLarger, createLargerEq, createLog, createLog10, createLog1p, createLog2, createMatrix,
  createMatrixClass, createMax, createMin, createMod, createMultiply, createMultiplyScalar, createNode, createNot,
  createNthRoot, createNumber, createNumeric, createObjectNode, createOperatorNode, createOr, createParenthesisNode,
  createParse, createPhi, createPi, createPow, createRangeNode, createRelationalNode, createReplacer, createResolve,
  createResultSet, createRound, createSQRT1_2, createSQRT2, createSec, createSech, createSign, createSimplify,
  createSimplifyConstant, createSimplifyCore, createSin, createSinh, createSize, createSmaller, createSmallerEq,
  createSparseMatrixClass, createSqrt, createSquare, createSubset, createSubtract, createSubtractScalar,
  createSymbolNode, createTan, createTanh, createTau, createTypeOf, createTyped, createUnaryMinus, createUnaryPlus,
  createUnequal, createUppercaseE, createUppercasePi, createXor, createZeros,
} from "mathjs";
